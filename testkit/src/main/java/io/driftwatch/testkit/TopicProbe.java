package io.driftwatch.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads every partition of one topic from the beginning (read_committed, no consumer group, so it
 * never disturbs the application under test) and keeps what it has seen, so a test can wait for a
 * matching record and, when none comes, read in the failure message what did. Not thread-safe: use
 * one probe from one test thread.
 */
public final class TopicProbe<K, V> implements AutoCloseable {

  /** How many seen records a timeout message lists (the most recent ones). */
  static final int LISTED_RECORDS = 50;

  private static final Duration POLL = Duration.ofMillis(100);
  private static final int MAX_RENDERED_CHARS = 300;

  private final String topic;
  private final KafkaConsumer<K, V> consumer;
  private final List<ConsumerRecord<K, V>> seen = new ArrayList<>();
  private final List<String> unreadable = new ArrayList<>();
  private boolean assigned;
  private boolean closed;

  private TopicProbe(String topic, KafkaConsumer<K, V> consumer) {
    this.topic = topic;
    this.consumer = consumer;
  }

  /**
   * Opens a probe on {@code topic}. The topic need not exist yet: {@link #await} and {@link #drain}
   * wait for it within their own time limits.
   */
  public static <K, V> TopicProbe<K, V> open(
      String bootstrapServers,
      String topic,
      Deserializer<K> keyDeserializer,
      Deserializer<V> valueDeserializer) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "topic-probe-" + topic + "-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // A probe must never create the topic it waits for (a container broker auto-creates by
    // default).
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    return new TopicProbe<>(topic, new KafkaConsumer<>(props, keyDeserializer, valueDeserializer));
  }

  /**
   * The first record, among those seen so far or polled before {@code timeout}, that {@code match}
   * accepts.
   *
   * @throws AssertionError when none matched in time; the message lists what was seen
   */
  public ConsumerRecord<K, V> await(Predicate<ConsumerRecord<K, V>> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = 0;
    while (true) {
      for (; checked < seen.size(); checked++) {
        ConsumerRecord<K, V> record = seen.get(checked);
        if (match.test(record)) {
          return record;
        }
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError(
            "No record on topic " + topic + " matched within " + timeout + "; " + describeSeen());
      }
      pollOnce(deadline);
    }
  }

  /** Every record seen so far, in the order polled (per partition, in offset order). */
  public List<ConsumerRecord<K, V>> records() {
    return List.copyOf(seen);
  }

  /**
   * Polls until no new record has arrived for {@code quiet}, then returns every record seen. A
   * topic that does not exist by then reads as empty.
   */
  public List<ConsumerRecord<K, V>> drain(Duration quiet) {
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < quiet.toNanos()) {
      int before = seen.size();
      pollOnce(quietSince + quiet.toNanos());
      if (seen.size() > before) {
        quietSince = System.nanoTime();
      }
    }
    return records();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  private void pollOnce(long deadline) {
    if (closed) {
      throw new IllegalStateException("TopicProbe on " + topic + " is closed");
    }
    if (!assigned && !tryAssign(deadline)) {
      return;
    }
    Duration wait =
        Duration.ofNanos(Math.max(0, Math.min(POLL.toNanos(), deadline - System.nanoTime())));
    try {
      consumer.poll(wait).forEach(seen::add);
    } catch (RecordDeserializationException e) {
      // Note it and step over it, so one bad record does not hide the ones after it.
      unreadable.add(
          e.topicPartition() + "@" + e.offset() + " could not be deserialized: " + e.getMessage());
      consumer.seek(e.topicPartition(), e.offset() + 1);
    }
  }

  private boolean tryAssign(long deadline) {
    List<PartitionInfo> partitions;
    long remaining = deadline - System.nanoTime();
    try {
      partitions =
          consumer.partitionsFor(
              topic,
              Duration.ofNanos(Math.max(1, Math.min(remaining, Duration.ofSeconds(1).toNanos()))));
    } catch (TimeoutException e) {
      partitions = List.of();
    }
    if (partitions == null || partitions.isEmpty()) {
      sleepBriefly(deadline);
      return false;
    }
    List<TopicPartition> all =
        partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(all);
    consumer.seekToBeginning(all);
    assigned = true;
    return true;
  }

  private String describeSeen() {
    StringBuilder out = new StringBuilder();
    if (!assigned) {
      out.append("the topic does not exist (or has no partitions) yet");
    } else {
      out.append("seen ").append(seen.size()).append(" record(s)");
      if (seen.size() > LISTED_RECORDS) {
        out.append(", the last ").append(LISTED_RECORDS).append(" listed");
      }
      out.append(':');
      for (ConsumerRecord<K, V> r :
          seen.subList(Math.max(0, seen.size() - LISTED_RECORDS), seen.size())) {
        out.append("\n  ")
            .append(r.partition())
            .append('@')
            .append(r.offset())
            .append(" key=")
            .append(render(r.key()))
            .append(" value=")
            .append(render(r.value()));
      }
    }
    for (String u : unreadable) {
      out.append("\n  ").append(u);
    }
    return out.toString();
  }

  private static String render(Object o) {
    String s = String.valueOf(o);
    return s.length() <= MAX_RENDERED_CHARS ? s : s.substring(0, MAX_RENDERED_CHARS) + "…";
  }

  private static void sleepBriefly(long deadline) {
    long nanos = Math.min(Duration.ofMillis(100).toNanos(), deadline - System.nanoTime());
    if (nanos > 0) {
      try {
        Thread.sleep(Duration.ofNanos(nanos).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for topic", e);
      }
    }
  }
}
