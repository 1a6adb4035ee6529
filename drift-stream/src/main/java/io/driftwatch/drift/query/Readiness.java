package io.driftwatch.drift.query;

import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether this instance can answer queries now, and if not, why: while it rebalances or restores
 * its stores, answers would be missing or stale, so it says so instead of answering.
 *
 * @param serving true when queries may be answered
 * @param reason why not, or null when serving
 */
public record Readiness(boolean serving, String reason) {

  /** Ready to answer. */
  public static final Readiness SERVING = new Readiness(true, null);

  /** Not ready, for the given reason. */
  public static Readiness notServing(String reason) {
    return new Readiness(false, reason);
  }

  /** The readiness that follows from a Kafka Streams state. */
  public static Readiness of(KafkaStreams.State state) {
    return switch (state) {
      case RUNNING -> SERVING;
      case REBALANCING ->
          notServing(
              "drift-stream is rebalancing: partitions are being reassigned among the instances"
                  + " and their stores restored");
      case CREATED -> notServing("drift-stream has not started yet");
      default -> notServing("drift-stream is not running (state " + state + ")");
    };
  }
}
