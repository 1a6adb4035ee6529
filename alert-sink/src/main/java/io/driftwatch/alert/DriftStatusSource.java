package io.driftwatch.alert;

import io.driftwatch.alert.metrics.DriftResourcesBinder;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
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
 * Reads the compacted {@code gitops.drift-status.v1} from the beginning into a {@link
 * DriftResourcesBinder}, on its own thread. It assigns every partition and commits nothing: the
 * whole topic is rebuilt on every start, so gauges are right after a restart. Only committed
 * records are read, so nothing from an aborted drift-stream transaction is counted.
 */
final class DriftStatusSource implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DriftStatusSource.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final KafkaSettings kafka;
  private final DriftResourcesBinder binder;
  private final Thread thread;
  private volatile boolean running;
  private volatile boolean failed;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  DriftStatusSource(KafkaSettings kafka, DriftResourcesBinder binder) {
    this.kafka = kafka;
    this.binder = binder;
    this.thread = new Thread(this::run, "driftwatch-alert-sink-drift-status");
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
          "alert-sink stopped reading {}: {}; gitops_drift_resources is no longer updated",
          Topics.DRIFT_STATUS,
          e.getMessage(),
          e);
    }
  }

  private void assignAll(KafkaConsumer<byte[], byte[]> consumer) {
    List<PartitionInfo> partitions = List.of();
    while (running && partitions.isEmpty()) {
      try {
        partitions = consumer.partitionsFor(Topics.DRIFT_STATUS.name());
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        partitions = List.of();
      }
      if (partitions == null || partitions.isEmpty()) {
        partitions = List.of();
        LOG.info("Waiting for topic {} to exist", Topics.DRIFT_STATUS);
        sleep(RETRY);
      }
    }
    List<TopicPartition> assigned =
        partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(assigned);
    consumer.seekToBeginning(assigned);
    LOG.info(
        "Reading {} partitions of {} from the beginning", assigned.size(), Topics.DRIFT_STATUS);
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    String topic = record.topic();
    ResourceKey key;
    DriftStatus status;
    try {
      key = Topics.DRIFT_STATUS.keySerde().deserializer().deserialize(topic, record.key());
      status = Topics.DRIFT_STATUS.valueSerde().deserializer().deserialize(topic, record.value());
    } catch (RuntimeException e) {
      LOG.warn(
          "Skipping unreadable record {}-{}@{}: {}",
          topic,
          record.partition(),
          record.offset(),
          e.getMessage());
      return;
    }
    if (key == null) {
      LOG.warn(
          "Skipping record {}-{}@{} without a key", topic, record.partition(), record.offset());
      return;
    }
    binder.record(key, status);
  }

  private Properties consumerConfig() {
    Properties props = kafka.clientConfig();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "driftwatch-alert-sink-drift-status");
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
