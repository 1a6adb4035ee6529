package io.driftwatch.model;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How every component reaches Kafka. {@code clientProperties} are passed through to every producer,
 * consumer, admin and Streams client (TLS, SASL, client.rack...); they may hold credentials, so
 * this record's {@link #toString()} never prints them.
 *
 * @param bootstrapServers the brokers; never null here (the launcher fills in the embedded broker's
 *     address)
 * @param partitions partitions of the topics driftwatch creates, or empty for the registry's
 *     defaults
 * @param replicationFactor replication of the topics driftwatch creates, or empty for the broker's
 *     default
 */
public record KafkaSettings(
    String bootstrapServers,
    Optional<Integer> partitions,
    Optional<Short> replicationFactor,
    Map<String, String> clientProperties) {

  public KafkaSettings {
    clientProperties = clientProperties == null ? Map.of() : Map.copyOf(clientProperties);
  }

  /** Settings for a broker at {@code bootstrapServers} with every default. */
  public static KafkaSettings of(String bootstrapServers) {
    return new KafkaSettings(bootstrapServers, Optional.empty(), Optional.empty(), Map.of());
  }

  /** A fresh copy of the client properties with {@code bootstrap.servers} set. */
  public Properties clientConfig() {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put("bootstrap.servers", bootstrapServers);
    return props;
  }

  @Override
  public String toString() {
    return "KafkaSettings[bootstrapServers="
        + bootstrapServers
        + ", partitions="
        + partitions
        + ", replicationFactor="
        + replicationFactor
        + ", clientProperties="
        + clientProperties.keySet()
        + "]";
  }
}
