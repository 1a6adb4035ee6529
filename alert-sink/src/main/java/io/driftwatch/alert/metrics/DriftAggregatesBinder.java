package io.driftwatch.alert.metrics;

import io.driftwatch.model.DriftAggregate;
import io.driftwatch.model.DriftType;
import io.driftwatch.telemetry.MeterCatalog;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports the rows drift-stream keeps on {@code gitops.drift-aggregates.v1}: {@link
 * MeterCatalog#DRIFT_RESOURCES} and {@link MeterCatalog#DRIFT_OLDEST_OPEN}. The counting is done in
 * the topology, partitioned and exactly once; this binder holds one row per group, never one per
 * resource, and only adds API groups of a kind together. A (cluster, namespace, kind) with any row,
 * the {@code NONE} count of known resources without drift included, has a series per drift type (0
 * when none), so a resolved drift reads 0; when its last row is tombstoned its series go.
 */
public final class DriftAggregatesBinder
    implements MeterBinder, TopicBinder<String, DriftAggregate> {

  /** The drift types that get a series; NONE is not a drift. */
  static final List<DriftType> EXPORTED_TYPES =
      List.of(DriftType.MODIFIED, DriftType.MISSING_LIVE, DriftType.EXTRA_LIVE);

  private final Map<String, DriftAggregate> rows = new HashMap<>();
  private volatile Clock clock = Clock.SYSTEM;
  private MultiGauge resources;
  private MultiGauge oldestOpen;

  /**
   * Registers both meters; the oldest-open age is computed at scrape time on the registry clock.
   */
  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    clock = registry.config().clock();
    resources = MeterCatalog.DRIFT_RESOURCES.registerMultiGauge(registry);
    oldestOpen = MeterCatalog.DRIFT_OLDEST_OPEN.registerMultiGauge(registry);
    refresh();
  }

  /** Records the latest row under its key; a null row (a tombstone) forgets the key. */
  @Override
  public synchronized void record(String key, DriftAggregate row) {
    if (row == null) {
      rows.remove(key);
    } else {
      rows.put(key, row);
    }
  }

  @Override
  public synchronized void refresh() {
    if (resources == null) {
      return;
    }
    Map<KindGroup, Map<DriftType, Long>> counts = new HashMap<>();
    List<MultiGauge.Row<?>> oldestRows = new ArrayList<>();
    for (DriftAggregate row : rows.values()) {
      switch (row.measure()) {
        case RESOURCES ->
            counts
                .computeIfAbsent(
                    new KindGroup(row.cluster(), row.namespace(), row.kind()),
                    group -> new EnumMap<>(DriftType.class))
                .merge(row.driftType(), row.count(), Long::sum);
        case OLDEST_OPEN ->
            oldestRows.add(
                MultiGauge.Row.of(
                    Tags.of(
                        MeterCatalog.TAG_CLUSTER, row.cluster(),
                        MeterCatalog.TAG_NAMESPACE, row.namespace()),
                    row,
                    this::secondsOpen));
      }
    }
    List<MultiGauge.Row<?>> resourceRows = new ArrayList<>();
    counts.forEach(
        (group, perType) -> {
          for (DriftType type : EXPORTED_TYPES) {
            resourceRows.add(MultiGauge.Row.of(group.tags(type), perType.getOrDefault(type, 0L)));
          }
        });
    resources.register(resourceRows, true);
    oldestOpen.register(oldestRows, true);
  }

  /** Seconds since the row's openedAt; 0 when openedAt is ahead of this host's clock. */
  private double secondsOpen(DriftAggregate row) {
    return Math.max(0, clock.wallTime() - row.openedAt().toEpochMilli()) / 1000.0;
  }

  private record KindGroup(String cluster, String namespace, String kind) {

    Tags tags(DriftType type) {
      return Tags.of(
          MeterCatalog.TAG_CLUSTER, cluster,
          MeterCatalog.TAG_NAMESPACE, namespace,
          MeterCatalog.TAG_KIND, kind,
          MeterCatalog.TAG_DRIFT_TYPE, type.name());
    }
  }
}
