package io.driftwatch.drift.query;

import io.driftwatch.drift.DriftTopology;
import io.driftwatch.drift.episode.DriftEpisode;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SyncStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /api/v1/drift?cluster=&namespace=&kind=&status=}: the resources in the given sync
 * statuses ({@code OUT_OF_SYNC} unless {@code status} says otherwise), filtered by cluster,
 * namespace and kind, from this instance's partitions of {@code drift-episode-store}. With a
 * cluster, only that cluster's keys are read: keys start with the cluster.
 */
final class DriftListRoute {

  static final String CLUSTER = "cluster";
  static final String NAMESPACE = "namespace";
  static final String KIND = "kind";
  static final String STATUS = "status";

  private DriftListRoute() {}

  static FleetRoute create() {
    return new FleetRoute(DriftTopology.EPISODE_STORE, "resources", "key", DriftListRoute::items);
  }

  private static List<DriftSummary> items(StreamsInstance local, QueryParameters parameters) {
    Set<SyncStatus> statuses = statuses(parameters);
    Optional<String> cluster = parameters.string(CLUSTER);
    Optional<String> namespace = parameters.string(NAMESPACE);
    Optional<String> kind = parameters.string(KIND);
    ReadOnlyKeyValueStore<ResourceKey, DriftEpisode> store =
        local.keyValueStore(DriftTopology.EPISODE_STORE);
    List<DriftSummary> items = new ArrayList<>();
    try (KeyValueIterator<ResourceKey, DriftEpisode> all =
        cluster.isPresent()
            ? store.prefixScan(clusterPrefix(cluster.get()), new StringSerializer())
            : store.all()) {
      while (all.hasNext()) {
        KeyValue<ResourceKey, DriftEpisode> entry = all.next();
        ResourceKey key = entry.key;
        DriftStatus status = entry.value == null ? null : entry.value.status();
        if (status == null
            || !statuses.contains(status.syncStatus())
            || cluster.filter(c -> !c.equals(key.cluster())).isPresent()
            || namespace.filter(n -> !n.equals(key.namespace())).isPresent()
            || kind.filter(k -> !k.equals(key.kind())).isPresent()) {
          continue;
        }
        items.add(DriftSummary.of(status));
      }
    }
    return items;
  }

  private static Set<SyncStatus> statuses(QueryParameters parameters) {
    List<String> names = parameters.list(STATUS);
    if (names.isEmpty()) {
      return EnumSet.of(SyncStatus.OUT_OF_SYNC);
    }
    Set<SyncStatus> statuses = EnumSet.noneOf(SyncStatus.class);
    for (String name : names) {
      try {
        statuses.add(SyncStatus.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new BadQueryException(
            "Parameter 'status' has an unknown sync status '"
                + name
                + "': use one or more of "
                + Arrays.stream(SyncStatus.values())
                    .map(Enum::name)
                    .collect(Collectors.joining(", "))
                + " (comma-separated or repeated)");
      }
    }
    return statuses;
  }

  /** The first segment of every key of {@code cluster}, as the store's key bytes start. */
  private static String clusterPrefix(String cluster) {
    String key = new ResourceKey(cluster, "", "-", "", "-").toString();
    return key.substring(0, key.indexOf('/') + 1);
  }
}
