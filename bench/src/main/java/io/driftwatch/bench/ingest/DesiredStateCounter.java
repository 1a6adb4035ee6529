package io.driftwatch.bench.ingest;

import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the committed records on {@code gitops.desired-state.v1} for one cluster, as drift-stream
 * (a read_committed reader) would receive them: what the harness reports as published is what
 * arrived on the topic, not what the publisher says it sent.
 */
final class DesiredStateCounter implements AutoCloseable {

  private final String cluster;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<TopicPartition> partitions;

  DesiredStateCounter(String bootstrapServers, String cluster) {
    this.cluster = cluster;
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "driftwatch-bench-counter");
    // An empty fetch waits up to fetch.max.wait.ms (500 ms by default) before the position moves:
    // that wait would be measured as the records' latency.
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
    consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    String topic = Topics.DESIRED_STATE.name();
    partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /**
   * Waits until {@code expected} records of this cluster (objects and tombstones) committed since
   * the previous call have been read, and returns {@link System#nanoTime()} at that moment. The
   * transaction markers that make records visible to read_committed readers are written after the
   * producer's commit returns, so the records may arrive a little later.
   *
   * @throws IllegalStateException when more arrive, or fewer within a minute
   */
  long awaitNew(int expected) {
    Instant deadline = Instant.now().plusSeconds(60);
    int count = 0;
    while (true) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
        ResourceKey key =
            Topics.DESIRED_STATE
                .keySerde()
                .deserializer()
                .deserialize(record.topic(), record.key());
        if (key != null && key.cluster().equals(cluster)) {
          count++;
        }
      }
      if (count > expected) {
        throw new IllegalStateException(
            count + " records of cluster " + cluster + " arrived, expected " + expected);
      }
      if (count == expected && reachedEnd(consumer.endOffsets(partitions))) {
        return System.nanoTime();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "Only "
                + count
                + " of "
                + expected
                + " records of cluster "
                + cluster
                + " arrived on "
                + Topics.DESIRED_STATE.name()
                + " within 60 s");
      }
    }
  }

  private boolean reachedEnd(Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
      if (consumer.position(entry.getKey()) < entry.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
