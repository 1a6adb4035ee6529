package io.driftwatch.model.topic;

import io.driftwatch.model.KafkaSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a compacted topic holds now: every partition from its beginning to the end offsets
 * seen when the read starts, read committed, without a consumer group; the last record of a key
 * wins and a tombstone removes the key. This is how a component resumes from what it published
 * before a restart. Records that cannot be deserialised are skipped and counted in one warning.
 */
public final class CompactedTopicReader {

  private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicReader.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaSettings kafka;
  private final String clientId;
  private final Duration timeout;

  /**
   * @param clientId the Kafka client id, naming the reader in broker logs and quotas
   * @param timeout how long one read may take, metadata and end offsets included
   */
  public CompactedTopicReader(KafkaSettings kafka, String clientId, Duration timeout) {
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * The last value of every key.
   *
   * @throws KafkaException when the topic cannot be read to its end within the timeout
   */
  public <K, V> Map<K, V> latest(Topic<K, V> topic) {
    Map<K, V> latest = new HashMap<>();
    read(
        topic,
        key -> true,
        (key, valueBytes) -> {
          V value = topic.valueSerde().deserializer().deserialize(topic.name(), valueBytes);
          if (value == null) {
            latest.remove(key);
          } else {
            latest.put(key, value);
          }
        });
    return latest;
  }

  /**
   * The keys {@code wanted} accepts whose last record is not a tombstone. Values are never
   * deserialised, so this stays cheap on a topic of large records.
   *
   * @throws KafkaException when the topic cannot be read to its end within the timeout
   */
  public <K> Set<K> presentKeys(Topic<K, ?> topic, Predicate<? super K> wanted) {
    Set<K> present = new HashSet<>();
    read(
        topic,
        wanted,
        (key, valueBytes) -> {
          if (valueBytes == null) {
            present.remove(key);
          } else {
            present.add(key);
          }
        });
    return present;
  }

  private interface RecordSink<K> {
    void accept(K key, byte[] value);
  }

  private <K> void read(Topic<K, ?> topic, Predicate<? super K> wanted, RecordSink<K> sink) {
    String name = topic.name();
    Properties props = kafka.clientConfig();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
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
              "Could not read "
                  + name
                  + " to its end within "
                  + timeout.toSeconds()
                  + " s: check that the brokers are reachable");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          K key;
          try {
            key = topic.keySerde().deserializer().deserialize(name, record.key());
            if (key == null) {
              skipped++;
            } else if (wanted.test(key)) {
              sink.accept(key, record.value());
            }
          } catch (RuntimeException e) {
            // A poison record is the consumers' to dead-letter; a resume only cannot count it.
            skipped++;
          }
        }
      }
    }
    if (skipped > 0) {
      LOG.warn("Skipped {} unreadable records of {} while reading it to its end", skipped, name);
    }
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
