package io.driftwatch.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.CommitRecord;
import io.driftwatch.model.CommitSignature;
import io.driftwatch.model.DeploymentEvent;
import io.driftwatch.model.DeploymentPhase;
import io.driftwatch.model.DeploymentStatus;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

  private static final ResourceKey KEY =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");

  @Test
  void nullValueIsATombstoneBothWays() {
    var serde = Topics.DESIRED_STATE.valueSerde();

    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void desiredStateRoundTripsWithItsManifestAndTimes() {
    ObjectNode manifest = Json.mapper().createObjectNode();
    manifest.put("apiVersion", "apps/v1").put("kind", "Deployment");
    manifest.putObject("spec").put("replicas", 2);
    DesiredState state =
        DesiredState.of(
            KEY,
            "shop",
            "0123456789abcdef",
            Instant.parse("2026-11-26T07:00:00Z"),
            "web.yaml",
            manifest);
    var serde = Topics.DESIRED_STATE.valueSerde();

    DesiredState back =
        serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));

    assertThat(back).isEqualTo(state);
    assertThat(back.schemaVersion()).isEqualTo(DesiredState.SCHEMA_VERSION);
  }

  @Test
  void desiredStateRoundTripsWithItsCommitMetadata() {
    ObjectNode manifest = Json.mapper().createObjectNode();
    manifest.put("apiVersion", "v1").put("kind", "ConfigMap");
    DesiredState state =
        DesiredState.of(
            KEY,
            "shop",
            "0123456789abcdef",
            Instant.parse("2026-11-26T07:00:00Z"),
            "web.yaml",
            manifest,
            "Ada Lovelace <ada@example.com>",
            "scale web to 3",
            CommitSignature.SIGNED);
    var serde = Topics.DESIRED_STATE.valueSerde();

    byte[] bytes = serde.serializer().serialize("t", state);
    DesiredState back = serde.deserializer().deserialize("t", bytes);

    assertThat(back).isEqualTo(state);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("\"author\":\"Ada Lovelace <ada@example.com>\"")
        .contains("\"subject\":\"scale web to 3\"")
        .contains("\"signature\":\"SIGNED\"");
  }

  @Test
  void desiredStateWrittenBeforeCommitMetadataReadsBackWithoutIt() {
    String json =
        "{\"schemaVersion\":1,\"key\":\"prod/apps/Deployment/shop/web\",\"source\":\"s\","
            + "\"commit\":\"c\",\"commitTime\":\"2026-11-26T07:00:00Z\",\"path\":\"web.yaml\","
            + "\"manifest\":{\"kind\":\"Deployment\"}}";

    DesiredState state =
        Topics.DESIRED_STATE
            .valueSerde()
            .deserializer()
            .deserialize("t", json.getBytes(StandardCharsets.UTF_8));

    assertThat(state.commit()).isEqualTo("c");
    assertThat(state.author()).isNull();
    assertThat(state.subject()).isNull();
    assertThat(state.signature()).isNull();
  }

  @Test
  void reconcilerStatusRoundTripsWithConditionsAndInventory() {
    ResourceKey kustomization =
        ResourceKey.of("prod", "kustomize.toolkit.fluxcd.io/v1", "Kustomization", "flux", "apps");
    ReconcilerStatus status =
        new ReconcilerStatus(
            ReconcilerStatus.SCHEMA_VERSION,
            kustomization,
            ReconcilerStatus.ReconcilerTool.FLUX,
            ReconcilerStatus.ReadyState.FALSE,
            "BuildFailed",
            "kustomize build failed: missing base",
            false,
            "main@sha1:1111111111111111111111111111111111111111",
            "main@sha1:2222222222222222222222222222222222222222",
            4L,
            4L,
            List.of(
                new ReconcilerStatus.Condition(
                    "Ready",
                    "False",
                    "BuildFailed",
                    "kustomize build failed: missing base",
                    Instant.parse("2026-11-26T07:00:00Z"))),
            List.of(ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web")),
            Instant.parse("2026-11-26T07:00:01Z"));
    var serde = Topics.RECONCILER_STATUS.valueSerde();

    ReconcilerStatus back =
        serde.deserializer().deserialize("t", serde.serializer().serialize("t", status));

    assertThat(back).isEqualTo(status);
  }

  @Test
  void liveStateWrittenBeforeOwnershipMarksReadsBackUnmanaged() {
    String old =
        "{\"schemaVersion\":1,\"key\":\"prod/apps/Deployment/shop/web\",\"resourceVersion\":\"7\","
            + "\"observedAt\":\"2026-11-26T07:00:00Z\",\"manifest\":{\"kind\":\"Deployment\"}}";
    LiveState live =
        Topics.LIVE_STATE
            .valueSerde()
            .deserializer()
            .deserialize("t", old.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(live.managedBy()).isNull();
    assertThat(live.generation()).isNull();
    assertThat(live.deletionTimestamp()).isNull();
    ResourceKey app =
        ResourceKey.of("prod", "argoproj.io/v1alpha1", "Application", "argocd", "shop");
    assertThat(live.withManagedBy(app).managedBy()).isEqualTo(app);
  }

  @Test
  void liveStateRoundTripsWithGenerationAndDeletionTimestamp() {
    ObjectNode manifest = Json.mapper().createObjectNode().put("kind", "Deployment");
    Instant deleting = Instant.parse("2026-11-26T08:00:00Z");
    LiveState live =
        LiveState.of(KEY, "9", Instant.parse("2026-11-26T07:00:00Z"), manifest, null, null)
            .withLifecycle(4L, deleting);
    var serde = Topics.LIVE_STATE.valueSerde();

    LiveState back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", live));

    assertThat(back).isEqualTo(live);
    assertThat(back.generation()).isEqualTo(4L);
    assertThat(back.deletionTimestamp()).isEqualTo(deleting);
    assertThat(back.manifest().path("metadata").has("generation")).isFalse();
  }

  @Test
  void deploymentStatusAndEventRoundTripUnderTheirStringKeys() {
    DeploymentStatus status =
        new DeploymentStatus(
            DeploymentStatus.SCHEMA_VERSION,
            DeploymentStatus.Scope.COMPONENT,
            null,
            "production",
            "shop",
            "web",
            "prod",
            DeploymentPhase.PROGRESSING,
            "Progressing",
            "0123456789abcdef0123456789abcdef01234567",
            Instant.parse("2026-11-26T07:00:00Z"),
            "Ada <ada@example.com>",
            Instant.parse("2026-11-26T07:01:00Z"),
            null,
            null,
            Instant.parse("2026-11-26T07:01:00Z"),
            java.util.Map.of(DeploymentStatus.workloadKey(KEY), DeploymentPhase.PROGRESSING),
            "1 of 3 updated replicas are available");
    var statusSerde = Topics.DEPLOYMENT_STATUS.valueSerde();
    DeploymentEvent event =
        DeploymentEvent.of(
            "production",
            "shop",
            "web",
            "0123456789abcdef0123456789abcdef01234567",
            Instant.parse("2026-11-26T07:00:00Z"),
            null,
            DeploymentEvent.Outcome.SUCCEEDED,
            120_000L,
            null,
            Instant.parse("2026-11-26T07:02:00Z"));
    var eventSerde = Topics.DEPLOYMENT_EVENTS.valueSerde();

    assertThat(
            statusSerde
                .deserializer()
                .deserialize("t", statusSerde.serializer().serialize("t", status)))
        .isEqualTo(status);
    assertThat(
            eventSerde
                .deserializer()
                .deserialize("t", eventSerde.serializer().serialize("t", event)))
        .isEqualTo(event);
    assertThat(status.recordKey()).isEqualTo("component:production/shop/web");
    assertThat(event.recordKey()).isEqualTo("production/shop/web");
    assertThat(DeploymentStatus.workloadKey(KEY))
        .isEqualTo("workload:prod/apps/Deployment/shop/web");
    String json =
        new String(statusSerde.serializer().serialize("t", status), StandardCharsets.UTF_8);
    assertThat(json).startsWith("{\"schemaVersion\":1,").contains("\"phase\":\"PROGRESSING\"");
  }

  @Test
  void commitRecordRoundTripsWithItsParentsInOrder() {
    CommitRecord commit =
        CommitRecord.of(
            "shop",
            "1111111111111111111111111111111111111111",
            "Ada Lovelace <ada@example.com>",
            Instant.parse("2026-11-26T07:00:00Z"),
            "merge feature into main",
            CommitSignature.UNSIGNED,
            List.of(
                "2222222222222222222222222222222222222222",
                "3333333333333333333333333333333333333333"));
    var serde = Topics.COMMITS.valueSerde();

    CommitRecord back =
        serde.deserializer().deserialize("t", serde.serializer().serialize("t", commit));

    assertThat(back).isEqualTo(commit);
    assertThat(back.schemaVersion()).isEqualTo(CommitRecord.SCHEMA_VERSION);
    assertThat(back.parents())
        .containsExactly(
            "2222222222222222222222222222222222222222", "3333333333333333333333333333333333333333");
    assertThat(CommitRecord.key("shop", commit.sha()))
        .isEqualTo("shop@1111111111111111111111111111111111111111");
  }

  @Test
  void timesAreWrittenAsIsoStringsAndKeysAsTheirCanonicalForm() {
    DriftEvent event =
        DriftEvent.of(
            KEY,
            DriftTransition.OPENED,
            DriftType.MODIFIED,
            List.of(
                new FieldDiff(
                    "/spec/replicas", Json.mapper().getNodeFactory().numberNode(2), null)),
            "abc",
            Instant.parse("2026-11-26T07:00:00Z"),
            Instant.parse("2026-11-26T07:00:00Z"),
            null);

    String json =
        new String(
            Topics.DRIFT_EVENTS.valueSerde().serializer().serialize("t", event),
            StandardCharsets.UTF_8);

    assertThat(json)
        .contains("\"at\":\"2026-11-26T07:00:00Z\"")
        .contains("\"key\":\"prod/apps/Deployment/shop/web\"");
  }

  @Test
  void unknownFieldsFromANewerProducerAreIgnored() {
    String json =
        "{\"schemaVersion\":2,\"key\":\"prod/apps/Deployment/shop/web\",\"source\":\"s\",\"commit\":\"c\","
            + "\"addedLater\":{\"x\":1}}";

    DesiredState state =
        Topics.DESIRED_STATE
            .valueSerde()
            .deserializer()
            .deserialize("t", json.getBytes(StandardCharsets.UTF_8));

    assertThat(state.key()).isEqualTo(KEY);
    assertThat(state.schemaVersion()).isEqualTo(2);
  }

  @Test
  void unreadableBytesNameTheTopicAndTypeButNotTheContent() {
    byte[] poison = "{\"key\":\"s3cr3t-value".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                Topics.DESIRED_STATE
                    .valueSerde()
                    .deserializer()
                    .deserialize("gitops.desired-state.v1", poison))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("DesiredState")
        .hasMessageContaining("gitops.desired-state.v1")
        .hasMessageNotContaining("s3cr3t-value");
  }

  @Test
  void errorsNeverQuoteTokensOrValuesOfTheInput() {
    var deserializer = Topics.DESIRED_STATE.valueSerde().deserializer();
    byte[] badToken = "{\"commit\": s3cr3tToken}".getBytes(StandardCharsets.UTF_8);
    byte[] badType = "{\"commitTime\": \"s3cr3tValue\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> deserializer.deserialize("t", badToken))
        .hasMessageContaining("line 1")
        .hasMessageNotContaining("s3cr3tToken");
    assertThatThrownBy(() -> deserializer.deserialize("t", badType))
        .hasMessageContaining("commitTime")
        .hasMessageNotContaining("s3cr3tValue");
  }

  @Test
  void keySerdeWritesTheCanonicalFormAndRejectsMalformedKeys() {
    var serde = Topics.LIVE_STATE.keySerde();

    byte[] bytes = serde.serializer().serialize("t", KEY);

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo("prod/apps/Deployment/shop/web");
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(KEY);
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
    assertThatThrownBy(
            () ->
                serde
                    .deserializer()
                    .deserialize("live", "not-a-key".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("live");
  }
}
