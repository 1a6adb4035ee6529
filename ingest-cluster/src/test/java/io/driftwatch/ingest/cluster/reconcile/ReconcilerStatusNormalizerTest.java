package io.driftwatch.ingest.cluster.reconcile;

import static io.driftwatch.ingest.cluster.testing.Fixtures.yaml;
import static io.driftwatch.ingest.cluster.testing.Fixtures.yamlText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.cluster.normalize.MalformedObjectException;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ReconcilerStatus.ReadyState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.Json;
import io.driftwatch.model.topic.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReconcilerStatusNormalizerTest {

  private static final Instant NOW = Instant.parse("2026-11-26T09:30:00Z");

  private final ReconcilerStatusNormalizer normalizer =
      new ReconcilerStatusNormalizer(Clock.fixed(NOW, ZoneOffset.UTC));

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "flux-kustomization-ready",
        "flux-kustomization-build-failed",
        "flux-kustomization-stale",
        "flux-kustomization-suspended-remote",
        "flux-kustomization-new",
        "flux-helmrelease-upgrade-failed",
        "flux-helmrelease-v2beta1",
        "flux-gitrepository-ready",
        "flux-ocirepository-fetch-failed",
        "flux-helmrepository-oci",
        "argo-application-synced-healthy",
        "argo-application-sync-failed",
        "argo-application-degraded",
        "argo-application-comparison-error",
        "argo-application-syncing-multisource",
        "argo-application-out-of-sync",
        "openchoreo-releasebinding-ready",
        "openchoreo-releasebinding-release-not-found",
        "openchoreo-renderedrelease-healthy",
        "openchoreo-renderedrelease-degraded",
        "openchoreo-renderedrelease-apply-failed"
      })
  void reconcilerStatusMatchesItsExpectedFixture(String fixture) throws Exception {
    ObjectNode object = yaml("/reconcilers/" + fixture + "-object.yaml");
    ObjectNode untouched = object.deepCopy();

    ReconcilerStatus status = normalizer.normalize("prod", object).orElseThrow();

    // As a consumer reads it: the topic's serde, then its JSON without the null fields.
    byte[] published = Topics.RECONCILER_STATUS.valueSerde().serializer().serialize("t", status);
    JsonNode actual = withoutNulls(Json.mapper().readTree(published));
    assertThat(actual).isEqualTo(expected(fixture));
    assertThat(object).as("the input is not modified").isEqualTo(untouched);
  }

  @Test
  void objectThatIsNoReconcilerHasNoStatus() throws Exception {
    assertThat(normalizer.normalize("prod", yaml("/normalizer/deployment-input.yaml"))).isEmpty();
    // Same kind name, another group: a Kustomization of kustomize itself is not Flux's.
    assertThat(
            normalizer.normalize(
                "prod",
                yamlText(
                    "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                        + "kind: Kustomization\nmetadata: {name: x}\n")))
        .isEmpty();
  }

  @Test
  void anotherServedVersionOfAReconcilerKindReadsTheSame() throws Exception {
    ObjectNode v1 = yaml("/reconcilers/flux-kustomization-build-failed-object.yaml");
    ObjectNode v1beta2 = v1.deepCopy().put("apiVersion", "kustomize.toolkit.fluxcd.io/v1beta2");

    assertThat(normalizer.normalize("prod", v1beta2)).isEqualTo(normalizer.normalize("prod", v1));
  }

  @Test
  void scalarOfAnUnexpectedTypeReadsAsAbsentAndNeverFails() throws Exception {
    ObjectNode object = yaml("/reconcilers/flux-kustomization-ready-object.yaml");
    ObjectNode status = (ObjectNode) object.get("status");
    status.put("lastAppliedRevision", 42);
    status.putObject("observedGeneration").put("odd", true);
    ((ObjectNode) status.withArray("conditions").get(0)).put("lastTransitionTime", "yesterday");

    ReconcilerStatus read = normalizer.normalize("prod", object).orElseThrow();

    assertThat(read.lastAppliedRevision()).isNull();
    assertThat(read.observedGeneration()).isNull();
    assertThat(read.conditions().get(0).lastTransitionTime()).isNull();
    assertThat(read.ready()).isEqualTo(ReadyState.TRUE);
  }

  @Test
  void unparsableInventoryIdIsRefusedNamingTheEntryAndTheObject() {
    ObjectNode object = yaml("/reconcilers/flux-kustomization-ready-object.yaml");
    ((ObjectNode) object.at("/status/inventory/entries/2")).put("id", "no-separators-here");

    assertThatThrownBy(() -> normalizer.normalize("prod", object))
        .isInstanceOf(MalformedObjectException.class)
        .hasMessageContaining("status.inventory.entries[2].id")
        .hasMessageContaining("<namespace>_<name>_<group>_<kind>")
        .hasMessageContaining("docs/reconcilers.md")
        .satisfies(
            e ->
                assertThat(((MalformedObjectException) e).origin())
                    .isEqualTo(
                        "prod/kustomize.toolkit.fluxcd.io/v1/Kustomization/flux-system/apps"));
  }

  @Test
  void conditionsThatAreNotAListAreRefused() {
    ObjectNode object = yaml("/reconcilers/argo-application-degraded-object.yaml");
    ((ObjectNode) object.get("status")).put("conditions", "ComparisonError");

    assertThatThrownBy(() -> normalizer.normalize("prod", object))
        .isInstanceOf(MalformedObjectException.class)
        .hasMessageContaining("status.conditions is not a list");
  }

  @Test
  void reconcilerWithoutNameIsRefused() {
    ObjectNode object = yaml("/reconcilers/flux-gitrepository-ready-object.yaml");
    ((ObjectNode) object.get("metadata")).remove("name");

    assertThatThrownBy(() -> normalizer.normalize("prod", object))
        .isInstanceOf(MalformedObjectException.class)
        .hasMessageContaining("metadata.name");
  }

  @Test
  void staleConditionAlsoUndoesAnOldFailure() throws Exception {
    // A fix pushed to Git bumps the generation: the old BuildFailed must not keep alerting.
    ObjectNode object = yaml("/reconcilers/flux-kustomization-build-failed-object.yaml");
    ((ObjectNode) object.get("metadata")).put("generation", 2);

    ReconcilerStatus status = normalizer.normalize("prod", object).orElseThrow();

    assertThat(status.ready()).isEqualTo(ReadyState.UNKNOWN);
    assertThat(status.reason()).isEqualTo("Progressing");
  }

  @Test
  void releaseBindingWhoseSyncIsStaleHasAppliedNothingYet() throws Exception {
    ObjectNode object = yaml("/reconcilers/openchoreo-releasebinding-ready-object.yaml");
    ((ObjectNode) object.get("metadata")).put("generation", 3);
    ((ObjectNode) object.get("spec")).put("releaseName", "postgres-20260301-1");

    ReconcilerStatus status = normalizer.normalize("prod", object).orElseThrow();

    assertThat(status.ready()).isEqualTo(ReadyState.UNKNOWN);
    assertThat(status.lastAttemptedRevision()).isEqualTo("postgres-20260301-1");
    assertThat(status.lastAppliedRevision()).isNull();
  }

  @Test
  void argoInventoryKeysMatchTheLiveKeysOfTheSameObjects() throws Exception {
    ReconcilerStatus status =
        normalizer
            .normalize("prod", yaml("/reconcilers/argo-application-synced-healthy-object.yaml"))
            .orElseThrow();

    assertThat(status.inventory())
        .contains(ResourceKey.of("prod", "apps/v1", "Deployment", "guestbook", "guestbook-ui"));
  }

  private static JsonNode expected(String fixture) throws IOException {
    String resource = "/reconcilers/" + fixture + "-expected.json";
    try (InputStream in = ReconcilerStatusNormalizerTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource " + resource);
      }
      return Json.mapper().readTree(in);
    }
  }

  /** The record as JSON without its null fields, which the expected fixtures leave out. */
  private static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      object.removeNulls();
      object.forEach(ReconcilerStatusNormalizerTest::withoutNulls);
    } else if (node.isArray()) {
      node.forEach(ReconcilerStatusNormalizerTest::withoutNulls);
    }
    return node;
  }
}
