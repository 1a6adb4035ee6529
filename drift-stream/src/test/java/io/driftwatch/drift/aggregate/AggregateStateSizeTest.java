package io.driftwatch.drift.aggregate;

import static io.driftwatch.drift.aggregate.AggregateDriver.T0;
import static io.driftwatch.drift.aggregate.AggregateDriver.drifted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.JsonSerde;
import io.driftwatch.model.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the state the aggregates keep per drifted resource, as the bytes of the store entries
 * (what the changelog topics carry and RocksDB stores before its own overhead), and shows that it
 * does not grow with the number of drifts open in the same namespace.
 */
class AggregateStateSizeTest {

  private static final Serde<ResourceFacts> FACTS = JsonSerde.of(ResourceFacts.class);

  @TempDir Path small;
  @TempDir Path large;
  @TempDir Path synced;

  @Test
  void stateIsTheSameSmallSizePerDriftedResourceWhateverTheNamespaceHolds() {
    double perResourceSmall = bytesPerDriftedResource(small, 1_000);
    double perResourceLarge = bytesPerDriftedResource(large, 5_000);

    System.out.printf(
        "drift aggregates: %.1f bytes of state per drifted resource at 1,000 in one namespace,"
            + " %.1f at 5,000%n",
        perResourceSmall, perResourceLarge);
    assertThat(perResourceLarge).isCloseTo(perResourceSmall, offset(1.0));
    assertThat(perResourceSmall).isLessThan(400.0);
  }

  @Test
  void aResourceWithoutDriftCostsOnlyItsFacts() {
    try (AggregateDriver driver = new AggregateDriver(synced)) {
      int resources = 1_000;
      for (int i = 0; i < resources; i++) {
        ResourceKey key = key(i);
        driver.publish(key, AggregateDriver.synced(key, T0));
      }
      KeyValueStore<ResourceKey, ResourceFacts> facts =
          driver.driver().getKeyValueStore(DriftAggregates.FACTS_STORE);
      double perResource = (double) bytes(facts, Topics.DRIFT_STATUS.keySerde(), FACTS) / resources;

      System.out.printf(
          "drift aggregates: %.1f bytes of state per resource without drift%n", perResource);
      assertThat(driver.entries(DriftAggregates.OPEN_INDEX_STORE)).isZero();
      assertThat(perResource).isLessThan(100.0);
    }
  }

  private static ResourceKey key(int i) {
    return ResourceKey.of("prod-eu", "apps/v1", "Deployment", "shop", String.format("web-%05d", i));
  }

  private static double bytesPerDriftedResource(Path stateDir, int drifted) {
    try (AggregateDriver driver = new AggregateDriver(stateDir)) {
      for (int i = 0; i < drifted; i++) {
        ResourceKey key =
            ResourceKey.of(
                "prod-eu", "apps/v1", "Deployment", "shop", String.format("web-%05d", i));
        driver.publish(key, drifted(key, DriftType.MODIFIED, T0.plus(Duration.ofSeconds(i))));
      }
      KeyValueStore<ResourceKey, ResourceFacts> facts =
          driver.driver().getKeyValueStore(DriftAggregates.FACTS_STORE);
      KeyValueStore<String, String> index =
          driver.driver().getKeyValueStore(DriftAggregates.OPEN_INDEX_STORE);
      long bytes =
          bytes(facts, Topics.DRIFT_STATUS.keySerde(), FACTS)
              + bytes(index, Serdes.String(), Serdes.String());
      assertThat(driver.entries(DriftAggregates.OPEN_INDEX_STORE)).isEqualTo(drifted);
      assertThat(driver.entries(DriftAggregates.COUNT_STORE))
          .as("one count per group, whatever the number of resources")
          .isEqualTo(1);
      return (double) bytes / drifted;
    }
  }

  private static <K, V> long bytes(KeyValueStore<K, V> store, Serde<K> keys, Serde<V> values) {
    long bytes = 0;
    try (KeyValueIterator<K, V> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<K, V> entry = all.next();
        bytes += keys.serializer().serialize("size", entry.key).length;
        bytes += values.serializer().serialize("size", entry.value).length;
      }
    }
    return bytes;
  }
}
