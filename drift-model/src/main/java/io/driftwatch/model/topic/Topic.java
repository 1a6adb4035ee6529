package io.driftwatch.model.topic;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic, bound once to its name, serdes and configs; producers, topologies and tests all take
 * the serdes from here.
 *
 * @param partitions the default partition count; {@code kafka.partitions} in the configuration
 *     overrides it
 * @param retention how long records are kept, or null for the broker default (compacted topics keep
 *     the latest per key)
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    int partitions,
    CleanupPolicy cleanupPolicy,
    Duration retention) {

  @Override
  public String toString() {
    return name;
  }
}
