package io.driftwatch.drift.aggregate;

import static io.driftwatch.drift.aggregate.AggregateDriver.drifted;
import static io.driftwatch.drift.aggregate.AggregateDriver.synced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.drift.DriftStream;
import io.driftwatch.drift.DriftStreamConfig;
import io.driftwatch.drift.ProvisionedTopics;
import io.driftwatch.model.DriftAggregate;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TestKafka;
import io.driftwatch.testkit.TopicProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aggregates on the real broker under exactly-once: counts and the oldest open drift follow
 * status changes, and an instance that starts with no local state (everything restored from the
 * changelogs) goes on from where the first one stopped.
 */
class DriftAggregatesIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path firstState;
  @TempDir Path secondState;

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String cluster = "agg-it-" + suffix;
  private final String source = "it.drift-status-changes." + suffix;
  private final ResourceKey web = ResourceKey.of(cluster, "apps/v1", "Deployment", "shop", "web");
  private final ResourceKey api = ResourceKey.of(cluster, "apps/v1", "Deployment", "shop", "api");
  private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final Instant t1 = t0.plusSeconds(60);

  @BeforeAll
  static void provisionTopics() {
    ProvisionedTopics.ensure();
  }

  @Test
  void aggregatesFollowStatusChangesAndSurviveARestartWithoutLocalState() throws Exception {
    KafkaSettings kafka = KafkaSettings.of(TestKafka.bootstrapServers());
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      admin.createTopics(List.of(new NewTopic(source, 3, (short) 1))).all().get();
    }
    String modified =
        DriftAggregate.resourcesKey(cluster, "shop", "apps", "Deployment", DriftType.MODIFIED);
    String none =
        DriftAggregate.resourcesKey(cluster, "shop", "apps", "Deployment", DriftType.NONE);
    String oldest = DriftAggregate.oldestOpenKey(cluster, "shop");

    try (TopicProbe<String, DriftAggregate> rows =
        TopicProbe.open(
            kafka.bootstrapServers(),
            Topics.DRIFT_AGGREGATES.name(),
            Topics.DRIFT_AGGREGATES.keySerde().deserializer(),
            Topics.DRIFT_AGGREGATES.valueSerde().deserializer())) {

      try (Instance first = start(kafka, firstState)) {
        publish(kafka, web, drifted(web, DriftType.MODIFIED, t0));
        publish(kafka, api, drifted(api, DriftType.MODIFIED, t1));
        await()
            .atMost(TIMEOUT)
            .until(
                () -> count(latest(rows), modified) == 2 && openedAt(latest(rows), oldest) != null);
        assertThat(openedAt(latest(rows), oldest)).isEqualTo(t0);
        assertThat(first.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      }

      try (Instance second = start(kafka, secondState)) {
        publish(kafka, web, synced(web, t1));
        await()
            .atMost(TIMEOUT)
            .until(() -> count(latest(rows), modified) == 1 && count(latest(rows), none) == 1);
        await().atMost(TIMEOUT).until(() -> t1.equals(openedAt(latest(rows), oldest)));

        publish(kafka, api, null);
        publish(kafka, web, null);
        await()
            .atMost(TIMEOUT)
            .until(
                () -> {
                  Map<String, DriftAggregate> table = latest(rows);
                  return !table.containsKey(modified)
                      && !table.containsKey(none)
                      && !table.containsKey(oldest);
                });
        assertThat(second.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      }
    }
  }

  /** A running Streams instance that leaves the group on close, so the next one starts at once. */
  private record Instance(KafkaStreams streams) implements AutoCloseable {
    @Override
    public void close() {
      streams.close(
          CloseOptions.timeout(Duration.ofSeconds(30))
              .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
  }

  private Instance start(KafkaSettings kafka, Path stateDir) {
    DriftStreamConfig config =
        new DriftStreamConfig(
            "drift-aggregates-it-" + suffix,
            stateDir,
            Duration.ofMillis(100),
            DriftStreamConfig.defaultComparison());
    Properties props = DriftStream.streamsProperties(config, kafka);
    KafkaStreams streams = new KafkaStreams(AggregateDriver.topology(props, source), props);
    streams.start();
    await().atMost(TIMEOUT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    return new Instance(streams);
  }

  /** The aggregates topic as compaction would keep it, for this test's cluster. */
  private Map<String, DriftAggregate> latest(TopicProbe<String, DriftAggregate> rows) {
    rows.drain(Duration.ofMillis(200));
    Map<String, DriftAggregate> table = new HashMap<>();
    for (ConsumerRecord<String, DriftAggregate> record : rows.records()) {
      if (record.key() == null || !record.key().contains(cluster + "/")) {
        continue;
      }
      if (record.value() == null) {
        table.remove(record.key());
      } else {
        table.put(record.key(), record.value());
      }
    }
    return table;
  }

  private static long count(Map<String, DriftAggregate> table, String key) {
    DriftAggregate row = table.get(key);
    return row == null ? 0 : row.count();
  }

  private static Instant openedAt(Map<String, DriftAggregate> table, String key) {
    DriftAggregate row = table.get(key);
    return row == null ? null : row.openedAt();
  }

  private void publish(KafkaSettings kafka, ResourceKey key, DriftStatus status) throws Exception {
    try (KafkaProducer<ResourceKey, DriftStatus> producer =
        new KafkaProducer<>(
            kafka.clientConfig(),
            Topics.DRIFT_STATUS.keySerde().serializer(),
            Topics.DRIFT_STATUS.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(source, key, status)).get();
    }
  }
}
