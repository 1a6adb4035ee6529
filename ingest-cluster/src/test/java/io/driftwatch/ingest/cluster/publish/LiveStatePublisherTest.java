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
                .path(LiveStateSizeLimit.TRUNCATED_ANNOTATION)
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
}
