package io.driftwatch.kafka.embedded;

import java.util.Map;

/**
 * Logger levels that keep an in-process broker quiet under slf4j-simple. The broker logs through
 * SLF4J (Scala classes under {@code kafka.*}, Java classes under {@code org.apache.kafka.*}, plus
 * the named {@code state.change.logger}) and prints hundreds of INFO lines at start-up; at WARN it
 * prints nothing in normal operation. Apply with {@code System.setProperty} before the first logger
 * is created, i.e. before the broker or any Kafka client is started.
 */
public final class KafkaLogLevels {

  /** slf4j-simple reads a logger's level from the system property of this prefix + its name. */
  public static final String PREFIX = "org.slf4j.simpleLogger.log.";

  /**
   * Quiets the broker's own loggers and the configuration dumps, metrics and version banners that
   * every Kafka component prints through {@code org.apache.kafka.common}, while Kafka clients and
   * Kafka Streams ({@code org.apache.kafka.clients}, {@code org.apache.kafka.streams}) keep their
   * level. Silencing {@code org.apache.kafka.common.config} also keeps client property values (the
   * "ConsumerConfig values:" dumps) out of the log.
   */
  public static final Map<String, String> BROKER_SLF4J_SIMPLE =
      Map.ofEntries(
          Map.entry(PREFIX + "kafka", "warn"),
          Map.entry(PREFIX + "state.change.logger", "warn"),
          Map.entry(PREFIX + "org.apache.kafka.controller", "warn"),
          Map.entry(PREFIX + "org.apache.kafka.raft", "warn"),
          Map.entry(PREFIX + "org.apache.kafka.metadata", "warn"),
          Map.entry(PREFIX + "org.apache.kafka.image", "warn"),
          Map.entry(PREFIX + "org.apache.kafka.snapshot", "warn"),
          Map.entry(PREFIX + "org.apache.kafka.queue", "warn"),
          Map.entry(PREFIX + "org.apache.kafka.server", "warn"),
          Map.entry(PREFIX + "org.apache.kafka.storage", "warn"),
          Map.entry(PREFIX + "org.apache.kafka.coordinator", "warn"),
          Map.entry(PREFIX + "org.apache.kafka.network", "warn"),
          Map.entry(PREFIX + "org.apache.kafka.security", "warn"),
          Map.entry(PREFIX + "org.apache.kafka.common.config", "warn"),
          Map.entry(PREFIX + "org.apache.kafka.common.metrics", "warn"),
          Map.entry(PREFIX + "org.apache.kafka.common.telemetry", "warn"),
          Map.entry(PREFIX + "org.apache.kafka.common.utils", "warn"));

  /**
   * Quiets the broker and every Kafka client (admin, producer, consumer and Kafka Streams, which
   * log their whole configuration at INFO on creation).
   */
  public static final Map<String, String> ALL_KAFKA_SLF4J_SIMPLE =
      Map.of(
          PREFIX + "kafka", "warn",
          PREFIX + "state.change.logger", "warn",
          PREFIX + "org.apache.kafka", "warn");

  private KafkaLogLevels() {}

  /**
   * Sets each level as a system property unless the user already set that property, so a
   * command-line {@code -D} always wins.
   */
  public static void applyDefaults(Map<String, String> levels) {
    levels.forEach(
        (key, level) -> {
          if (System.getProperty(key) == null) {
            System.setProperty(key, level);
          }
        });
  }
}
