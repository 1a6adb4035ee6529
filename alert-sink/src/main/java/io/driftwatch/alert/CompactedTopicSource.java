package io.driftwatch.alert;

import io.driftwatch.alert.metrics.TopicBinder;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.topic.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a compacted topic from the beginning, on its own thread, handing every record to a binder
 * and refreshing it after each batch. It assigns every partition and commits nothing: the whole
 * topic is rebuilt on every start, so gauges are right after a restart. Only committed records are
 * read, so nothing from an aborted transaction is counted.
 */
final class CompactedTopicSource<K, V> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicSource.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final KafkaSettings kafka;
  private final Topic<K, V> topic;
  private final TopicBinder<K, V> binder;
  private final Thread thread;
  private volatile boolean running;
  private volatile boolean failed;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  CompactedTopicSource(KafkaSettings kafka, Topic<K, V> topic, TopicBinder<K, V> binder) {
    this.kafka = kafka;
    this.topic = topic;
    this.binder = binder;
    this.thread = new Thread(this::run, "driftwatch-alert-sink-" + topic.name());
    thread.setDaemon(true);
  }

  void start() {
    running = true;
    thread.start();
  }

  /** True while the reading thread runs (it may still be waiting for Kafka). */
  boolean healthy() {
    return running && !failed && thread.isAlive();
  }

  private void run() {
    try (KafkaConsumer<byte[], byte[]> created =
        new KafkaConsumer<>(
            consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer = created;
      if (!running) {
        return;
      }
      assignAll(created);
      while (running) {
        ConsumerRecords<byte[], byte[]> records = created.poll(POLL);
        if (records.isEmpty()) {
          continue;
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
          apply(record);
        }
        binder.refresh();
      }
    } catch (WakeupException e) {
      // close() asked the poll to stop.
    } catch (RuntimeException e) {
      failed = true;
      LOG.error(
          "alert-sink stopped reading {}: {}; the meters fed from it are no longer updated",
          topic.name(),
          e.getMessage(),
          e);
    }
  }

  private void assignAll(KafkaConsumer<byte[], byte[]> consumer) {
    List<PartitionInfo> partitions = List.of();
    while (running && partitions.isEmpty()) {
      try {
        partitions = consumer.partitionsFor(topic.name());
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        partitions = List.of();
      }
      if (partitions == null || partitions.isEmpty()) {
        partitions = List.of();
        LOG.info("Waiting for topic {} to exist", topic.name());
        sleep(RETRY);
      }
    }
    List<TopicPartition> assigned =
        partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(assigned);
    consumer.seekToBeginning(assigned);
    LOG.info("Reading {} partitions of {} from the beginning", assigned.size(), topic.name());
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    String name = record.topic();
    K key;
    V value;
    try {
      key = topic.keySerde().deserializer().deserialize(name, record.key());
      value = topic.valueSerde().deserializer().deserialize(name, record.value());
    } catch (RuntimeException e) {
      LOG.warn(
          "Skipping unreadable record {}-{}@{}: {}",
          name,
          record.partition(),
          record.offset(),
          e.getMessage());
      return;
    }
    if (key == null) {
      LOG.warn("Skipping record {}-{}@{} without a key", name, record.partition(), record.offset());
      return;
    }
    binder.record(key, value);
  }

  private Properties consumerConfig() {
    Properties props = kafka.clientConfig();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "driftwatch-alert-sink-" + topic.name());
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return props;
  }

  private void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<byte[], byte[]> current = consumer;
    if (current != null) {
      // Wakes a blocked poll or partitionsFor; interrupting would surface as an error instead.
      current.wakeup();
    }
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
