package io.driftwatch.kafka.embedded;

/**
 * The embedded broker could not start or stop. The message names the port or directory at fault and
 * the configuration key ({@code kafka.embedded.port}, {@code kafka.embedded.dataDir}) that fixes
 * it.
 */
public class EmbeddedKafkaException extends RuntimeException {

  EmbeddedKafkaException(String message) {
    super(message);
  }

  EmbeddedKafkaException(String message, Throwable cause) {
    super(message, cause);
  }
}
