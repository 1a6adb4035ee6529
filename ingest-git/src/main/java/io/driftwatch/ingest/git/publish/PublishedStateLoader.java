package io.driftwatch.ingest.git.publish;

import io.driftwatch.model.DesiredState;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.Topic;
import io.driftwatch.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds, from {@code gitops.desired-state.v1}, what each of our sources last published: read
 * committed records from the beginning to the end offsets seen at start, last record per key wins,
 * a tombstone removes the key. This is what lets a restart tombstone a manifest removed while
 * driftwatch was down, and not republish unchanged objects.
 */
public final class PublishedStateLoader {

  private static final Logger LOG = LoggerFactory.getLogger(PublishedStateLoader.class);

  private static final String GIT_PREFIX = SourceStatus.gitSource("");

  private final KafkaSettings kafka;
  private final Duration timeout;

  public PublishedStateLoader(KafkaSettings kafka, Duration timeout) {
    this.kafka = kafka;
    this.timeout = timeout;
  }

  /**
   * The published objects of every source that has any on the topic, by source id: sources found
   * later (discovered from a fleet repository) resume from this too.
   *
   * @throws KafkaException when the topic cannot be read to its end within the timeout
   */
  public Map<String, Map<ResourceKey, PublishedObject>> loadAll() {
    Map<ResourceKey, DesiredState> latest = readToEnd(Topics.DESIRED_STATE);
    Map<String, Map<ResourceKey, PublishedObject>> bySource = new HashMap<>();
    latest.forEach(
        (key, state) -> {
          if (state.source() != null && state.manifest() != null && state.path() != null) {
            Map<ResourceKey, PublishedObject> objects =
                bySource.computeIfAbsent(state.source(), id -> new LinkedHashMap<>());
            objects.put(
                key,
                new PublishedObject(ContentHash.of(state.path(), state.manifest()), state.path()));
          }
        });
    return bySource;
  }

  /**
   * The last status of every Git source on {@code gitops.source-status.v1}, by source id, so that a
   * restart carries on the last-success time and failure count.
   *
   * @throws KafkaException when the topic cannot be read to its end within the timeout
   */
  public Map<String, SourceStatus> loadStatuses() {
    Map<String, SourceStatus> bySource = new HashMap<>();
    readToEnd(Topics.SOURCE_STATUS)
        .forEach(
            (key, status) -> {
              if (key.startsWith(GIT_PREFIX)) {
                bySource.put(key.substring(GIT_PREFIX.length()), status);
              }
            });
    return bySource;
  }

  /** The last value per key of a compacted topic, read committed, tombstones removing keys. */
  private <K, V> Map<K, V> readToEnd(Topic<K, V> topic) {
    Map<K, V> latest = new HashMap<>();
    String name = topic.name();
    Properties props = kafka.clientConfig();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "driftwatch-ingest-git-resume");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    long skipped = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(name, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      Instant deadline = Instant.now().plus(timeout);
      while (!reachedEnd(consumer, end)) {
        if (Instant.now().isAfter(deadline)) {
          throw new KafkaException(
              "Could not read " + name + " to its end within " + timeout.toSeconds() + " s");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          K key;
          V value;
          try {
            key = topic.keySerde().deserializer().deserialize(name, record.key());
            value = topic.valueSerde().deserializer().deserialize(name, record.value());
          } catch (RuntimeException e) {
            // A poison record is drift-stream's to dead-letter; here it only cannot count.
            skipped++;
            continue;
          }
          if (key == null) {
            skipped++;
          } else if (value == null) {
            latest.remove(key);
          } else {
            latest.put(key, value);
          }
        }
      }
    }
    if (skipped > 0) {
      LOG.warn("Skipped {} unreadable records of {} while resuming", skipped, name);
    }
    return latest;
  }

  private static boolean reachedEnd(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
      if (consumer.position(entry.getKey()) < entry.getValue()) {
        return false;
      }
    }
    return true;
  }
}
