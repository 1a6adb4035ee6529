package io.driftwatch.launcher.config;

import io.driftwatch.model.KafkaSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Kafka is: a configured cluster, or (for {@code driftwatch run} when {@code
 * bootstrapServers} is empty) the embedded broker on {@code embeddedPort} with its data under
 * {@code embeddedDataDir}.
 */
public record KafkaConfig(
    Optional<String> bootstrapServers,
    Optional<Integer> partitions,
    Optional<Short> replicationFactor,
    Map<String, String> clientProperties,
    Path embeddedDataDir,
    int embeddedPort) {

  /**
   * Default port of the embedded broker: Kafka's usual one, so that Kafka's tools work without
   * flags.
   */
  public static final int DEFAULT_EMBEDDED_PORT = 9092;

  public KafkaConfig {
    clientProperties = Map.copyOf(clientProperties);
  }

  /** True when no cluster is configured and {@code run} starts the embedded broker. */
  public boolean embedded() {
    return bootstrapServers.isEmpty();
  }

  /** The settings every component uses, given the servers actually in use. */
  public KafkaSettings settings(String servers) {
    return new KafkaSettings(servers, partitions, replicationFactor, clientProperties);
  }
}
