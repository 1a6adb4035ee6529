package io.driftwatch.testkit;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Which broker {@link TestKafka} provides, read from the {@code driftwatch.test.kafka} property.
 */
enum KafkaMode {
  /** A Kafka container when Docker is available, else the in-process broker. */
  AUTO,
  /** Always the in-process broker. */
  EMBEDDED,
  /** Always a Kafka container; fails when Docker is not available. */
  CONTAINER;

  static final String PROPERTY = "driftwatch.test.kafka";

  /** The broker to start and why, for the one log line that says so. */
  record Choice(boolean container, String reason) {}

  static KafkaMode parse(String value) {
    if (value == null || value.isBlank()) {
      return AUTO;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "System property "
              + PROPERTY
              + "="
              + value
              + " is not a Kafka mode: use auto (the default), embedded or container.",
          e);
    }
  }

  /**
   * Decides between container and in-process broker. {@code dockerAvailable} is asked only when the
   * answer matters, because asking costs a Docker round trip and logs an error without Docker.
   */
  Choice choose(BooleanSupplier dockerAvailable) {
    return switch (this) {
      case EMBEDDED -> new Choice(false, "-D" + PROPERTY + "=embedded");
      case CONTAINER -> {
        if (!dockerAvailable.getAsBoolean()) {
          throw new IllegalStateException(
              "-D"
                  + PROPERTY
                  + "=container needs a running Docker engine, and none is reachable. Start"
                  + " Docker, or use -D"
                  + PROPERTY
                  + "=auto or -D"
                  + PROPERTY
                  + "=embedded for the in-process broker.");
        }
        yield new Choice(true, "-D" + PROPERTY + "=container");
      }
      case AUTO ->
          dockerAvailable.getAsBoolean()
              ? new Choice(true, "Docker is available; " + PROPERTY + "=auto")
              : new Choice(
                  false,
                  "Docker is not available; "
                      + PROPERTY
                      + "=auto, set -D"
                      + PROPERTY
                      + "=container to require Docker and see why it was not found");
    };
  }
}
