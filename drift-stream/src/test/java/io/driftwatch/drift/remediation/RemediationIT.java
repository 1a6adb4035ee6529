package io.driftwatch.drift.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.driftwatch.drift.DriftStream;
import io.driftwatch.drift.DriftStreamConfig;
import io.driftwatch.drift.ProvisionedTopics;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.RemediationRequest;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TestKafka;
import io.driftwatch.testkit.TopicProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remediation on the real broker under exactly-once: an instance stops between two attempts and a
 * new one starts on the same state directory; the attempts go on where they were, and no request is
 * published twice.
 */
class RemediationIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path stateDir;

  @BeforeAll
  static void provisionTopics() {
    ProvisionedTopics.ensure();
  }

  @Test
  void aRestartOnTheSameStateDirGoesOnWithTheAttemptsAndRepublishesNothing() throws Exception {
    KafkaSettings kafka = KafkaSettings.of(TestKafka.bootstrapServers());
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String cluster = "remediation-it-" + suffix;
    ResourceKey web = ResourceKey.of(cluster, "apps/v1", "Deployment", "shop", "web");
    DriftStreamConfig config =
        new DriftStreamConfig(
            "remediation-it-" + suffix,
            stateDir,
            Duration.ofMillis(100),
            DriftStreamConfig.defaultComparison());
    // Only this run's cluster: the shared broker's drift-events topic holds other tests' events.
    RemediationPolicy policy =
        RemediationPolicy.of(
            List.of(new RemediationRule("heal", cluster, null, null, null, null, "reconcile")));
    // Waits of 2 s then 4 s, three attempts, then the escalation 8 s after the third.
    RemediationBackoff backoff =
        new RemediationBackoff(
            Duration.ofSeconds(2), 2, Duration.ofMinutes(5), 3, Duration.ofSeconds(330));

    try (TopicProbe<ResourceKey, RemediationRequest> requests =
        TopicProbe.open(
            kafka.bootstrapServers(),
            Topics.REMEDIATION_REQUESTS.name(),
            Topics.REMEDIATION_REQUESTS.keySerde().deserializer(),
            Topics.REMEDIATION_REQUESTS.valueSerde().deserializer())) {

      KafkaStreams first = start(config, kafka, policy, backoff);
      Instant openedAt = Instant.now();
      send(
          kafka,
          web,
          DriftEvent.of(
              web,
              DriftTransition.OPENED,
              DriftType.MODIFIED,
              List.of(),
              "c0ffee",
              openedAt,
              openedAt,
              null));
      requests.await(r -> web.equals(r.key()) && r.value().attempt() == 1, TIMEOUT);
      stop(first);

      KafkaStreams second = start(config, kafka, policy, backoff);
      try {
        requests.await(r -> web.equals(r.key()) && r.value().escalated(), TIMEOUT);
        requests.drain(Duration.ofSeconds(3));
      } finally {
        stop(second);
      }

      List<RemediationRequest> published =
          requests.records().stream()
              .filter(r -> web.equals(r.key()))
              .map(ConsumerRecord::value)
              .toList();
      assertThat(published)
          .extracting(RemediationRequest::attempt, RemediationRequest::escalated)
          .containsExactly(tuple(1, false), tuple(2, false), tuple(3, false), tuple(3, true));
      assertThat(published).extracting(RemediationRequest::idempotencyKey).doesNotHaveDuplicates();
    }
  }

  private static KafkaStreams start(
      DriftStreamConfig config,
      KafkaSettings kafka,
      RemediationPolicy policy,
      RemediationBackoff backoff) {
    Properties props = DriftStream.streamsProperties(config, kafka);
    KafkaStreams streams =
        new KafkaStreams(
            RemediationTestTopology.build(
                config.applicationId(), policy, backoff, Duration.ofMillis(250)),
            props);
    streams.start();
    await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    return streams;
  }

  private static void stop(KafkaStreams streams) {
    streams.close(
        CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }

  private static void send(KafkaSettings kafka, ResourceKey key, DriftEvent event)
      throws Exception {
    try (KafkaProducer<ResourceKey, DriftEvent> producer =
        new KafkaProducer<>(
            kafka.clientConfig(),
            Topics.DRIFT_EVENTS.keySerde().serializer(),
            Topics.DRIFT_EVENTS.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.DRIFT_EVENTS.name(), key, event)).get();
    }
  }
}
