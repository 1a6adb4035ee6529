package io.driftwatch.alert.metrics;

import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the current {@link DriftStatus} of every resource and exposes {@link
 * MeterCatalog#DRIFT_RESOURCES}: for every (cluster, namespace, kind) that has at least one
 * resource, the number of drifted resources per drift type, 0 included; when the last resource of a
 * (cluster, namespace, kind) goes, its series go too.
 */
public final class DriftResourcesBinder
    implements MeterBinder, TopicBinder<ResourceKey, DriftStatus> {

  /** The drift types that get a series; NONE is not a drift. */
  static final List<DriftType> EXPORTED_TYPES =
      List.of(DriftType.MODIFIED, DriftType.MISSING_LIVE, DriftType.EXTRA_LIVE);

  private final Map<ResourceKey, DriftStatus> statuses = new ConcurrentHashMap<>();
  private final List<MultiGauge> gauges = new ArrayList<>();

  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    MeterSpec spec = MeterCatalog.DRIFT_RESOURCES;
    gauges.add(
        MultiGauge.builder(spec.name())
            .description(spec.description())
            .baseUnit(spec.baseUnit())
            .register(registry));
    refresh();
  }

  /**
   * Records the status of one resource; a null status (a tombstone) forgets it. Call {@link
   * #refresh()} to publish, once per batch.
   */
  @Override
  public void record(ResourceKey key, DriftStatus status) {
    if (status == null) {
      statuses.remove(key);
    } else {
      statuses.put(key, status);
    }
  }

  /** Recomputes every series from the current statuses; series of emptied groups are removed. */
  @Override
  public synchronized void refresh() {
    Map<Group, Map<DriftType, Integer>> counts = new TreeMap<>();
    for (Map.Entry<ResourceKey, DriftStatus> entry : statuses.entrySet()) {
      ResourceKey key = entry.getKey();
      Map<DriftType, Integer> perType =
          counts.computeIfAbsent(
              new Group(key.cluster(), key.namespace(), key.kind()),
              g -> new EnumMap<>(DriftType.class));
      DriftStatus status = entry.getValue();
      if (status.drifted()) {
        perType.merge(status.driftType(), 1, Integer::sum);
      }
    }
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    counts.forEach(
        (group, perType) -> {
          for (DriftType type : EXPORTED_TYPES) {
            rows.add(MultiGauge.Row.of(group.tags(type), perType.getOrDefault(type, 0)));
          }
        });
    for (MultiGauge gauge : gauges) {
      gauge.register(rows, true);
    }
  }

  /** How many resources are known (drifted or not), for logs and tests. */
  public int size() {
    return statuses.size();
  }

  private record Group(String cluster, String namespace, String kind) implements Comparable<Group> {

    Tags tags(DriftType type) {
      return Tags.of(
          MeterCatalog.TAG_CLUSTER, cluster,
          MeterCatalog.TAG_NAMESPACE, namespace,
          MeterCatalog.TAG_KIND, kind,
          MeterCatalog.TAG_DRIFT_TYPE, type.name());
    }

    @Override
    public int compareTo(Group other) {
      int c = cluster.compareTo(other.cluster);
      if (c == 0) {
        c = namespace.compareTo(other.namespace);
      }
      return c == 0 ? kind.compareTo(other.kind) : c;
    }
  }
}
