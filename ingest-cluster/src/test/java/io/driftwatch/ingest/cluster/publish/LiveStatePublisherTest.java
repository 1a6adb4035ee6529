package io.driftwatch.ingest.cluster.publish;

import static io.driftwatch.ingest.cluster.testing.Fixtures.yaml;
import static io.driftwatch.ingest.cluster.testing.Fixtures.yamlText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.cluster.normalize.LiveStateNormalizer;
import io.driftwatch.ingest.cluster.normalize.LiveStateSizeLimit;
import io.driftwatch.ingest.cluster.testing.Fixtures;
import io.driftwatch.ingest.cluster.testing.RecordingSink;
import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ReconcilerStatus.ReadyState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LiveStatePublisherTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T09:30:00Z"), ZoneOffset.UTC);
  private final RecordingSink sink = new RecordingSink();
  private final LiveStatePublisher publisher =
      new LiveStatePublisher(
          "prod", new LiveStateNormalizer(Fixtures.redactor(), clock), sink, clock);

  @Test
  void addedObjectIsPublishedAsLiveStateUnderItsResourceKey() {
    publisher.added(yaml("/normalizer/deployment-input.yaml"));

    assertThat(sink.on(Topics.LIVE_STATE))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.key()).isEqualTo(ResourceKey.parse("prod/apps/Deployment/shop/web"));
              LiveState live = (LiveState) sent.value();
              assertThat(live.manifest().path("spec").path("replicas").asInt()).isEqualTo(3);
              assertThat(live.manifest().path("metadata").has("managedFields")).isFalse();
              assertThat(live.status().path("readyReplicas").asInt()).isEqualTo(3);
            });
  }

  @Test
  void updateThatOnlyMovesServerBookkeepingIsNotRepublished() {
    ObjectNode before = yaml("/normalizer/deployment-input.yaml");
    ObjectNode after = before.deepCopy();
    ObjectNode metadata = (ObjectNode) after.get("metadata");
    metadata.put("resourceVersion", "48999");
    metadata.withArray("managedFields").addObject().put("manager", "kubectl-edit");
    metadata.withObject("annotations").put("deployment.kubernetes.io/revision", "4");

    publisher.updated(before, after);

    assertThat(sink.sent()).isEmpty();
  }

  @Test
  void updateOfSpecOrStatusIsRepublished() {
    ObjectNode before = yaml("/normalizer/deployment-input.yaml");
    ObjectNode scaled = before.deepCopy();
    scaled.withObject("spec").put("replicas", 5);
    ObjectNode progressing = before.deepCopy();
    progressing.withObject("status").put("readyReplicas", 2);

    publisher.updated(before, scaled);
    publisher.updated(before, progressing);

    assertThat(sink.on(Topics.LIVE_STATE))
        .extracting(sent -> (LiveState) sent.value())
        .satisfiesExactly(
            live -> assertThat(live.manifest().path("spec").path("replicas").asInt()).isEqualTo(5),
            live -> assertThat(live.status().path("readyReplicas").asInt()).isEqualTo(2));
  }

  @Test
  void oversizedObjectIsPublishedAsAStubAndNamedInADeadLetter() {
    LiveStatePublisher bounded =
        new LiveStatePublisher(
            "prod",
            new LiveStateNormalizer(Fixtures.redactor(), clock),
            new LiveStateSizeLimit(2048),
            sink,
            clock);
    ObjectNode big = yaml("/normalizer/configmap-empty-maps-input.yaml");
    big.withObject("data").put("bundle.js", "x".repeat(5000));

    bounded.added(big);

    LiveState stub = (LiveState) sink.on(Topics.LIVE_STATE).get(0).value();
    assertThat(stub.manifest().path("data").isMissingNode()).isTrue();
    assertThat(
            stub.manifest()
                .path("metadata")
                .path("annotations")
                .path(LiveState.TRUNCATED_ANNOTATION)
                .asText())
        .endsWith(" bytes");
    assertThat(sink.on(Topics.DEAD_LETTER))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.key()).isEqualTo("prod/v1/ConfigMap/shop/settings");
              DeadLetter letter = (DeadLetter) sent.value();
              assertThat(letter.reason())
                  .contains("over the limit of 2048")
                  .contains("ingestCluster.maxObjectBytes")
                  .doesNotContain("xxxx");
            });
  }

  @Test
  void deletedObjectBecomesTombstone() {
    publisher.deleted(yaml("/normalizer/deployment-input.yaml"));

    assertThat(sink.on(Topics.LIVE_STATE))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.key()).isEqualTo(ResourceKey.parse("prod/apps/Deployment/shop/web"));
              assertThat(sent.value()).isNull();
              assertThat(sent.rawValue()).isNull();
            });
  }

  @Test
  void malformedObjectGoesToDeadLetterWithoutItsContentAndTheRestKeepsFlowing() {
    ObjectNode nameless =
        yamlText(
            """
            apiVersion: v1
            kind: Secret
            metadata: {namespace: shop}
            data: {password: c3VwZXItc2VjcmV0LXZhbHVl}
            """);

    publisher.added(nameless);
    publisher.added(yaml("/normalizer/configmap-empty-maps-input.yaml"));

    assertThat(sink.on(Topics.DEAD_LETTER))
        .singleElement()
        .satisfies(
            sent -> {
              DeadLetter letter = (DeadLetter) sent.value();
              assertThat(sent.key()).isEqualTo("prod/v1/Secret/shop/");
              assertThat(letter.stage()).isEqualTo("ingest-cluster");
              assertThat(letter.origin()).isEqualTo("prod/v1/Secret/shop/");
              assertThat(letter.reason()).contains("metadata.name");
              assertThat(new String(sent.rawValue(), StandardCharsets.UTF_8))
                  .doesNotContain("c3VwZXItc2VjcmV0LXZhbHVl")
                  .doesNotContain("super-secret-value");
            });
    assertThat(sink.on(Topics.LIVE_STATE))
        .singleElement()
        .satisfies(
            sent -> assertThat(sent.key().toString()).isEqualTo("prod//ConfigMap/shop/settings"));
  }

  @Test
  void publishedSecretCarriesNoValueInItsRawBytes() {
    publisher.added(yaml("/normalizer/secret-input.yaml"));

    assertThat(sink.on(Topics.LIVE_STATE))
        .singleElement()
        .satisfies(
            sent ->
                assertThat(new String(sent.rawValue(), StandardCharsets.UTF_8))
                    .contains("hmac-sha256:")
                    .doesNotContain("hunter2-password")
                    .doesNotContain("aHVudGVyMi1wYXNzd29yZA=="));
  }

  @Test
  void reconcilerIsPublishedAsLiveStateAndAsReconcilerStatusUnderTheSameKey() {
    publisher.added(yaml("/reconcilers/flux-kustomization-build-failed-object.yaml"));

    ResourceKey key =
        ResourceKey.parse(
            "prod/kustomize.toolkit.fluxcd.io/Kustomization/flux-system/infra-controllers");
    assertThat(sink.on(Topics.LIVE_STATE))
        .singleElement()
        .satisfies(s -> assertThat(s.key()).isEqualTo(key));
    assertThat(sink.on(Topics.RECONCILER_STATUS))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.key()).isEqualTo(key);
              ReconcilerStatus status = (ReconcilerStatus) sent.value();
              assertThat(status.ready()).isEqualTo(ReadyState.FALSE);
              assertThat(status.reason()).isEqualTo("BuildFailed");
            });
  }

  @Test
  void reconcilerStatusIsRepublishedOnlyWhenItsNormalisedStatusChanged() {
    ObjectNode failing = yaml("/reconcilers/flux-kustomization-build-failed-object.yaml");
    // The controller retries: only its bookkeeping moves.
    ObjectNode retried = failing.deepCopy();
    ((ObjectNode) retried.get("metadata")).put("resourceVersion", "20001");
    ((ObjectNode) retried.get("status")).put("lastHandledReconcileAt", "2026-11-26T09:20:00Z");
    // The fix arrives and is applied.
    ObjectNode fixed = retried.deepCopy();
    ObjectNode fixedStatus = (ObjectNode) fixed.get("status");
    fixedStatus.put("lastAppliedRevision", "main@sha1:3333333333333333333333333333333333333333");
    fixedStatus.put("lastAttemptedRevision", "main@sha1:3333333333333333333333333333333333333333");
    ObjectNode ready = (ObjectNode) fixedStatus.withArray("conditions").get(0);
    ready.put("status", "True").put("reason", "ReconciliationSucceeded").put("message", "Applied");

    publisher.updated(failing, retried);
    publisher.updated(retried, fixed);

    assertThat(sink.on(Topics.RECONCILER_STATUS))
        .extracting(sent -> (ReconcilerStatus) sent.value())
        .singleElement()
        .satisfies(
            status -> {
              assertThat(status.ready()).isEqualTo(ReadyState.TRUE);
              assertThat(status.lastAppliedRevision())
                  .isEqualTo("main@sha1:3333333333333333333333333333333333333333");
            });
  }

  @Test
  void deletedReconcilerIsTombstonedOnBothTopics() {
    publisher.deleted(yaml("/reconcilers/argo-application-degraded-object.yaml"));

    ResourceKey key = ResourceKey.parse("prod/argoproj.io/Application/argocd/payments");
    assertThat(sink.sent())
        .extracting(sent -> sent.topic() + " " + sent.key() + " " + sent.value())
        .containsExactly(
            Topics.LIVE_STATE.name() + " " + key + " null",
            Topics.RECONCILER_STATUS.name() + " " + key + " null");
  }

  @Test
  void unreadableReconcilerStatusIsDeadLetteredWhileItsLiveStateFlows() {
    ObjectNode odd = yaml("/reconcilers/flux-kustomization-ready-object.yaml");
    ((ObjectNode) odd.at("/status/inventory")).put("entries", "everything");

    publisher.added(odd);

    assertThat(sink.on(Topics.LIVE_STATE)).hasSize(1);
    assertThat(sink.on(Topics.RECONCILER_STATUS)).isEmpty();
    assertThat(sink.on(Topics.DEAD_LETTER))
        .singleElement()
        .satisfies(
            sent -> {
              DeadLetter letter = (DeadLetter) sent.value();
              assertThat(letter.origin())
                  .isEqualTo("prod/kustomize.toolkit.fluxcd.io/v1/Kustomization/flux-system/apps");
              assertThat(letter.reason()).contains("status.inventory.entries is not a list");
            });
  }

  @Test
  void objectThatGainsAnOwnershipMarkIsRepublishedThoughItsManifestIsUnchanged() {
    ObjectNode before =
        yamlText(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: shop, resourceVersion: "1"}
            data: {mode: fast}
            """);
    ObjectNode after = before.deepCopy();
    ((ObjectNode) after.get("metadata"))
        .put("resourceVersion", "2")
        .putObject("annotations")
        .put("argocd.argoproj.io/tracking-id", "shop:/ConfigMap:shop/settings");

    publisher.updated(before, after);

    assertThat(sink.on(Topics.LIVE_STATE))
        .extracting(sent -> (LiveState) sent.value())
        .singleElement()
        .satisfies(
            live -> {
              assertThat(live.managedBy())
                  .isEqualTo(ResourceKey.parse("prod/argoproj.io/Application/argocd/shop"));
              assertThat(live.manifest().path("metadata").has("annotations")).isFalse();
            });
    assertThat(sink.on(Topics.RECONCILER_STATUS)).isEmpty();
  }
}
