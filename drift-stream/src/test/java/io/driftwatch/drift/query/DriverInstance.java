package io.driftwatch.drift.query;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@link StreamsInstance} over a TopologyTestDriver: the stores are the real topology's, while the
 * group's metadata (who owns which key, who hosts a store) is given by the test. The metadata of a
 * real group is exercised by InteractiveQueriesIT.
 */
final class DriverInstance implements StreamsInstance {

  private final TopologyTestDriver driver;
  private final HostInfo self;
  private final Function<String, HostInfo> ownerOfKey;
  private final Set<HostInfo> hosts = new LinkedHashSet<>();
  private volatile Readiness readiness = Readiness.SERVING;

  /**
   * @param ownerOfKey the owner of a key, given its serialized form as text; null when not known
   */
  DriverInstance(TopologyTestDriver driver, HostInfo self, Function<String, HostInfo> ownerOfKey) {
    this.driver = driver;
    this.self = self;
    this.ownerOfKey = ownerOfKey;
  }

  /** Every instance hosting any store, as {@code streamsMetadataForStore} would list them. */
  DriverInstance hosts(HostInfo... all) {
    hosts.clear();
    hosts.addAll(Set.of(all));
    return this;
  }

  void readiness(Readiness readiness) {
    this.readiness = readiness;
  }

  @Override
  public HostInfo self() {
    return self;
  }

  @Override
  public Readiness readiness() {
    return readiness;
  }

  @Override
  public <K> Optional<KeyOwner> ownerOf(String store, K key, Serializer<K> keySerializer) {
    String text = new String(keySerializer.serialize(store, key), StandardCharsets.UTF_8);
    return Optional.ofNullable(ownerOfKey.apply(text)).map(host -> new KeyOwner(host, 0));
  }

  @Override
  public Set<HostInfo> hostsOf(String store) {
    return Set.copyOf(hosts);
  }

  @Override
  public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String store, int partition) {
    return keyValueStore(store);
  }

  @Override
  public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String store) {
    KeyValueStore<K, V> found = driver.getKeyValueStore(store);
    if (found == null) {
      throw new UnknownStateStoreException(
          "Cannot get state store "
              + store
              + " because no such store is registered in the topology.");
    }
    return found;
  }
}
