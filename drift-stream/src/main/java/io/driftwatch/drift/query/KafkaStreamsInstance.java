package io.driftwatch.drift.query;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@link StreamsInstance} on a running {@link KafkaStreams}: ownership from the group's metadata
 * ({@code queryMetadataForKey}, {@code streamsMetadataForStore}), stores through interactive
 * queries, active partitions only (a standby's copy may lag behind).
 */
public final class KafkaStreamsInstance implements StreamsInstance {

  private final KafkaStreams streams;
  private final HostInfo self;

  /**
   * @param self this instance's {@code application.server}, as {@link ApplicationServer#configure}
   *     returned it
   */
  public KafkaStreamsInstance(KafkaStreams streams, HostInfo self) {
    this.streams = Objects.requireNonNull(streams, "streams");
    this.self = Objects.requireNonNull(self, "self");
  }

  @Override
  public HostInfo self() {
    return self;
  }

  @Override
  public Readiness readiness() {
    return Readiness.of(streams.state());
  }

  @Override
  public <K> Optional<KeyOwner> ownerOf(String store, K key, Serializer<K> keySerializer) {
    KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, keySerializer);
    if (metadata == null
        || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
        || metadata.activeHost() == null
        || HostInfo.unavailable().equals(metadata.activeHost())) {
      return Optional.empty();
    }
    return Optional.of(new KeyOwner(metadata.activeHost(), metadata.partition()));
  }

  @Override
  public Set<HostInfo> hostsOf(String store) {
    Set<HostInfo> hosts = new LinkedHashSet<>();
    for (StreamsMetadata metadata : streams.streamsMetadataForStore(store)) {
      hosts.add(metadata.hostInfo());
    }
    return hosts;
  }

  @Override
  public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String store, int partition) {
    return streams.store(
        StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<K, V>keyValueStore())
            .withPartition(partition));
  }

  @Override
  public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String store) {
    return streams.store(
        StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<K, V>keyValueStore()));
  }
}
