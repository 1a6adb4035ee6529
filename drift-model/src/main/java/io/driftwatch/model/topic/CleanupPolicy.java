package io.driftwatch.model.topic;

/** Kafka's {@code cleanup.policy} for a topic. */
public enum CleanupPolicy {
  /** Keep the latest value per key: a table of current state. */
  COMPACT("compact"),
  /** Keep records until retention runs out: a log of events. */
  DELETE("delete");

  private final String config;

  CleanupPolicy(String config) {
    this.config = config;
  }

  /** The value of Kafka's {@code cleanup.policy} topic config. */
  public String config() {
    return config;
  }
}
