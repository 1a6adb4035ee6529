package io.driftwatch.bench.stream;

import io.driftwatch.model.KafkaSettings;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How much state a Streams application holds per tracked resource, two ways. <b>Changelog</b>:
 * every store's changelog read back to its end, keeping the latest record per key (what the topic
 * holds once compacted, and what a restore writes into the store): key bytes + value bytes per live
 * key. <b>RocksDB</b>: the stores' own figures ({@code total-sst-files-size} + {@code
 * size-all-mem-tables}), which include RocksDB's overhead and superseded versions not compacted
 * yet.
 */
final class StateSize {

  /** One store: live keys, serialised bytes of their latest values, and RocksDB's figures. */
  record Store(String name, long keys, long changelogBytes, double rocksDbBytes) {}

  private StateSize() {}

  static Store measure(
      KafkaSettings kafka, KafkaStreams streams, String applicationId, String store) {
    String changelog = applicationId + "-" + store + "-changelog";
    Map<ByteBuffer, Integer> latest = new HashMap<>();
    Properties props = kafka.clientConfig();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : consumer.partitionsFor(changelog)) {
        partitions.add(new TopicPartition(changelog, p.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          ByteBuffer key = ByteBuffer.wrap(r.key());
          if (r.value() == null) {
            latest.remove(key);
          } else {
            latest.put(key, r.key().length + r.value().length);
          }
        }
      }
    }
    long bytes = latest.values().stream().mapToLong(Integer::longValue).sum();
    return new Store(store, latest.size(), bytes, rocksDb(streams, store));
  }

  /** {@code total-sst-files-size} + {@code size-all-mem-tables} summed over the store's tasks. */
  private static double rocksDb(KafkaStreams streams, String store) {
    double sum = 0;
    boolean found = false;
    for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
      MetricName name = e.getKey();
      if (!store.equals(name.tags().get("rocksdb-state-id"))) {
        continue;
      }
      if (name.name().equals("total-sst-files-size") || name.name().equals("size-all-mem-tables")) {
        Object value = e.getValue().metricValue();
        if (value instanceof Number n) {
          sum += n.doubleValue();
          found = true;
        }
      }
    }
    return found ? sum : Double.NaN;
  }
}
