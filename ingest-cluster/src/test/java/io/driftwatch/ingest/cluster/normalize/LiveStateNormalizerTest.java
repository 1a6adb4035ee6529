package io.driftwatch.ingest.cluster.normalize;

import static io.driftwatch.ingest.cluster.testing.Fixtures.yaml;
import static io.driftwatch.ingest.cluster.testing.Fixtures.yamlText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.cluster.testing.Fixtures;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiveStateNormalizerTest {

  private static final Instant NOW = Instant.parse("2026-11-26T09:30:00Z");

  private final LiveStateNormalizer normalizer =
      new LiveStateNormalizer(Fixtures.redactor(), Clock.fixed(NOW, ZoneOffset.UTC));

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "deployment",
        "configmap-empty-maps",
        "terminating-namespace",
        "custom-resource",
        "secret"
      })
  void normalisedObjectMatchesItsExpectedFixture(String fixture) throws Exception {
    ObjectNode input = yaml("/normalizer/" + fixture + "-input.yaml");
    ObjectNode expected = yaml("/normalizer/" + fixture + "-expected.yaml");
    ObjectNode untouched = input.deepCopy();

    LiveState live = normalizer.normalize("prod", input);

    assertThat(live.key().toString()).isEqualTo(expected.get("key").asText());
    assertThat(live.resourceVersion()).isEqualTo(expected.get("resourceVersion").asText());
    assertThat(live.observedAt()).isEqualTo(NOW);
    assertThat(live.schemaVersion()).isEqualTo(LiveState.SCHEMA_VERSION);
    assertThat(live.manifest()).isEqualTo(expected.get("manifest"));
    JsonNode expectedStatus = expected.get("status");
    if (expectedStatus == null || expectedStatus.isNull()) {
      assertThat(live.status()).isNull();
    } else {
      assertThat(live.status()).isEqualTo(expectedStatus);
    }
    JsonNode managedBy = expected.get("managedBy");
    assertThat(live.managedBy())
        .isEqualTo(managedBy == null ? null : ResourceKey.parse(managedBy.asText()));
    assertThat(input).as("the input is not modified").isEqualTo(untouched);
  }

  @Test
  void managedFieldsTravelApartFromTheManifestForAttribution() throws Exception {
    LiveState live = normalizer.normalize("prod", yaml("/normalizer/deployment-input.yaml"));

    assertThat(live.manifest().path("metadata").has("managedFields")).isFalse();
    assertThat(live.managedFields()).hasSize(1);
    assertThat(live.managedFields().get(0).path("manager").asText())
        .isEqualTo("kustomize-controller");
    assertThat(live.managedFields().get(0).path("operation").asText()).isEqualTo("Apply");
    assertThat(live.managedFields().get(0).at("/fieldsV1/f:spec/f:replicas").isObject()).isTrue();
    assertThat(live.managedFields().get(0).has("apiVersion")).isFalse();
  }

  @Test
  void generationAndDeletionTimestampTravelBesideTheManifestForHealth() throws Exception {
    LiveState deployment = normalizer.normalize("prod", yaml("/normalizer/deployment-input.yaml"));
    LiveState terminating =
        normalizer.normalize("prod", yaml("/normalizer/terminating-namespace-input.yaml"));

    assertThat(deployment.generation()).isEqualTo(3L);
    assertThat(deployment.deletionTimestamp()).isNull();
    assertThat(terminating.generation()).isNull();
    assertThat(terminating.deletionTimestamp()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
    assertThat(deployment.manifest().path("metadata").has("generation"))
        .as("the diff must keep not seeing it")
        .isFalse();
    assertThat(terminating.manifest().path("metadata").has("deletionTimestamp")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"generation: three", "deletionTimestamp: yesterday"})
  void unreadableGenerationOrDeletionTimestampIsRefusedNamingTheField(String field) {
    ObjectNode odd =
        yamlText(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: y, " + field + "}\n");

    assertThatThrownBy(() -> normalizer.normalize("prod", odd))
        .isInstanceOf(MalformedObjectException.class)
        .hasMessageContaining("metadata." + field.substring(0, field.indexOf(':')))
        .message()
        .doesNotContain(field.substring(field.indexOf(':') + 2));
  }

  @Test
  void secretValueLeavesNeitherInDataNorInAnnotations() throws Exception {
    LiveState live = normalizer.normalize("prod", yaml("/normalizer/secret-input.yaml"));

    String text = live.manifest().toString() + live.status();
    assertThat(text).doesNotContain("hunter2-password").doesNotContain("aHVudGVyMi1wYXNzd29yZA==");
  }

  @Test
  void stringDataOfASecretIsRedactedToo() throws Exception {
    LiveState live =
        normalizer.normalize(
            "prod",
            yamlText(
                """
                apiVersion: v1
                kind: Secret
                metadata: {name: api, namespace: shop}
                stringData: {token: plain-token-value}
                """));

    assertThat(live.manifest().toString()).doesNotContain("plain-token-value");
    assertThat(live.manifest().path("data").path("token").asText()).startsWith("hmac-sha256:");
    assertThat(live.manifest().has("stringData")).isFalse();
  }

  @Test
  void objectWithoutNameIsRefusedNamingItsOrigin() {
    ObjectNode nameless =
        yamlText(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {namespace: shop}
            """);

    assertThatThrownBy(() -> normalizer.normalize("prod", nameless))
        .isInstanceOf(MalformedObjectException.class)
        .hasMessageContaining("metadata.name")
        .satisfies(
            e ->
                assertThat(((MalformedObjectException) e).origin())
                    .isEqualTo("prod/apps/v1/Deployment/shop/"));
  }

  @Test
  void objectWithoutKindOrApiVersionIsRefused() {
    assertThatThrownBy(
            () -> normalizer.normalize("prod", yamlText("apiVersion: v1\nmetadata: {name: x}\n")))
        .isInstanceOf(MalformedObjectException.class)
        .hasMessageContaining("kind");
    assertThatThrownBy(
            () -> normalizer.normalize("prod", yamlText("kind: ConfigMap\nmetadata: {name: x}\n")))
        .isInstanceOf(MalformedObjectException.class)
        .hasMessageContaining("apiVersion");
  }

  @Test
  void nonObjectStatusIsRefusedWithoutQuotingIt() {
    ObjectNode odd =
        yamlText(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: x, namespace: y}
            status: some-private-text
            """);

    assertThatThrownBy(() -> normalizer.normalize("prod", odd))
        .isInstanceOf(MalformedObjectException.class)
        .hasMessageContaining("status")
        .message()
        .doesNotContain("some-private-text");
  }

  @Test
  void managingReconcilerIsReadBeforeItsTrackingIdIsStripped() throws Exception {
    LiveState live =
        normalizer.normalize(
            "prod",
            yamlText(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: guestbook-ui
                  namespace: guestbook
                  labels: {app: guestbook-ui}
                  annotations:
                    argocd.argoproj.io/tracking-id: guestbook:apps/Deployment:guestbook/guestbook-ui
                    team: web
                spec: {replicas: 1}
                """));

    assertThat(live.managedBy())
        .isEqualTo(
            ResourceKey.of("prod", "argoproj.io/v1alpha1", "Application", "argocd", "guestbook"));
    assertThat(live.manifest().path("metadata").path("annotations").fieldNames())
        .toIterable()
        .containsExactly("team");
  }

  @Test
  void objectWithoutOwnershipMarksIsUnmanaged() throws Exception {
    assertThat(normalizer.normalize("prod", yaml("/normalizer/secret-input.yaml")).managedBy())
        .isNull();
  }

  @Test
  void originNamesEveryKnownSegment() {
    assertThat(LiveStateNormalizer.origin("prod", yaml("/normalizer/deployment-input.yaml")))
        .isEqualTo("prod/apps/v1/Deployment/shop/web");
    assertThat(LiveStateNormalizer.origin("prod", null)).isEqualTo("prod////");
  }
}
