package io.driftwatch.drift.query;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What a query needs from the local Kafka Streams instance: whether it can answer, who owns a key,
 * which instances host a store, and its local stores. {@link KafkaStreamsInstance} is the real one;
 * the seam lets the HTTP handling be tested against real stores without a broker.
 */
public interface StreamsInstance {

  /** This instance's {@code application.server}. */
  HostInfo self();

  /** Whether queries can be answered now. */
  Readiness readiness();

  /**
   * The instance hosting the active partition of {@code store} that {@code key} belongs to, or
   * empty while that is not known (during a rebalance).
   */
  <K> Optional<KeyOwner> ownerOf(String store, K key, Serializer<K> keySerializer);

  /** Every instance hosting a part of {@code store}, this one included when it does. */
  Set<HostInfo> hostsOf(String store);

  /**
   * One partition of a store hosted here.
   *
   * @throws InvalidStateStoreException when it is not queryable here now (restoring, migrated, or
   *     not in the topology: {@link org.apache.kafka.streams.errors.UnknownStateStoreException})
   */
  <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String store, int partition);

  /**
   * Every active partition of a store hosted here, as one read-only view.
   *
   * @throws InvalidStateStoreException when a part is not queryable here now
   */
  <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String store);
}
