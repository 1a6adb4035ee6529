package io.driftwatch.ingest.cluster.testing;

import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.Topic;
import io.driftwatch.model.topic.TopicProvisioner;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TestKafka;
import io.driftwatch.testkit.TopicProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the ingest-cluster ITs share: the tests' broker with every registry topic, probes on those
 * topics, a producer for records the test plays in (desired state), and closing what a test opened
 * in reverse order.
 */
public final class IngestHarness implements AutoCloseable {

  /** How long an IT waits for a record that should come. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final KafkaSettings kafka;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  private IngestHarness(KafkaSettings kafka) {
    this.kafka = kafka;
  }

  /** The tests' broker, with every registry topic created. */
  public static IngestHarness start() {
    return new IngestHarness(provisionedKafka());
  }

  /** The tests' broker after creating every registry topic, as the launcher does at start. */
  public static KafkaSettings provisionedKafka() {
    KafkaSettings kafka = KafkaSettings.of(TestKafka.bootstrapServers());
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      new TopicProvisioner(admin, Optional.empty(), Optional.empty(), Duration.ofSeconds(30))
          .ensure(Topics.all());
    }
    return kafka;
  }

  public KafkaSettings kafka() {
    return kafka;
  }

  /** A cluster name no other test uses, so that tests on one broker never see each other. */
  public static String uniqueCluster() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A probe on a registry topic, with the topic's serdes. */
  public <K, V> TopicProbe<K, V> probe(Topic<K, V> topic) {
    return open(
        TopicProbe.open(
            kafka.bootstrapServers(),
            topic.name(),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer()));
  }

  /** Waits for the SYNCED marker of a kind of a cluster. */
  public static ConsumerRecord<String, SourceStatus> awaitSynced(
      TopicProbe<String, SourceStatus> status, String cluster, String group, String kind) {
    String source = SourceStatus.clusterSource(cluster, group, kind);
    return status.await(
        r -> r.key().equals(source) && r.value().phase() == SourcePhase.SYNCED, TIMEOUT);
  }

  /** Waits for the live state of {@code key} (not its tombstone). */
  public static LiveState awaitLive(TopicProbe<ResourceKey, LiveState> live, ResourceKey key) {
    return live.await(r -> r.key().equals(key) && r.value() != null, TIMEOUT).value();
  }

  /** Sends records to a registry topic and waits until the broker has them. */
  public <K, V> void send(Topic<K, V> topic, List<ProducerRecord<K, V>> records) {
    try (KafkaProducer<K, V> producer =
        new KafkaProducer<>(
            kafka.clientConfig(), topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      records.forEach(producer::send);
      producer.flush();
    }
  }

  /** Closes {@code closeable} when the harness closes (last opened, first closed). */
  public <T extends AutoCloseable> T open(T closeable) {
    closeables.add(closeable);
    return closeable;
  }

  /** Closes what was opened, last first; the first failure is rethrown after all are closed. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing " + closeables.get(i) + " failed", e);
        }
      }
    }
    closeables.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
