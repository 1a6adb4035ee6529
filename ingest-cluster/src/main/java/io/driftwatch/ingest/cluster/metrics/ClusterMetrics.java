package io.driftwatch.ingest.cluster.metrics;

import io.driftwatch.model.SourcePhase;
import io.driftwatch.telemetry.MeterCatalog;
import io.driftwatch.telemetry.MeterSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * ingest-cluster's meters, per cluster and kind, on the registry the launcher owns: the watch state
 * (from the sync markers as they are published), the events the informers deliver, when the last
 * one arrived, and how many objects are tracked. Every meter comes from {@link MeterCatalog}; tags
 * are the cluster's configured name, the API group and the kind, never an object's name.
 */
public final class ClusterMetrics {

  /** The phases a cluster watch goes through; each has a watch-state series. */
  static final Set<SourcePhase> WATCH_STATES =
      EnumSet.of(
          SourcePhase.LISTING, SourcePhase.SYNCED, SourcePhase.RELISTING, SourcePhase.FAILED);

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<Key, KindMeters> kinds = new ConcurrentHashMap<>();

  public ClusterMetrics(MeterRegistry registry, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The watch of this kind entered {@code phase}; called as each sync marker is published. */
  public void phase(String cluster, String group, String kind, SourcePhase phase) {
    if (WATCH_STATES.contains(phase)) {
      meters(cluster, group, kind).phase.set(phase);
    }
  }

  /**
   * A handler to add to every informer of one new watch of this kind: it counts events by type and
   * tracks the objects the watch holds, starting from none.
   */
  public ResourceEventHandler<GenericKubernetesResource> newWatch(
      String cluster, String group, String kind) {
    KindMeters meters = meters(cluster, group, kind);
    AtomicLong objects = new AtomicLong();
    meters.objects.set(objects);
    return new KindEventMeter(meters, objects, clock);
  }

  private KindMeters meters(String cluster, String group, String kind) {
    return kinds.computeIfAbsent(
        new Key(cluster, group, kind), key -> new KindMeters(key, registry));
  }

  private record Key(String cluster, String group, String kind) {
    String[] tags(MeterSpec spec, String... more) {
      String[] values = new String[3 + more.length];
      values[0] = cluster;
      values[1] = group;
      values[2] = kind;
      System.arraycopy(more, 0, values, 3, more.length);
      return spec.tags(values);
    }
  }

  /** The meters of one kind of one cluster, registered once and kept while the process runs. */
  static final class KindMeters {
    private final Key key;
    private final MeterRegistry registry;
    final AtomicReference<SourcePhase> phase = new AtomicReference<>();
    final AtomicReference<AtomicLong> objects = new AtomicReference<>(new AtomicLong());
    final AtomicLong lastEventMillis = new AtomicLong(-1);
    final Counter added;
    final Counter modified;
    final Counter deleted;
    private volatile boolean lastEventRegistered;

    KindMeters(Key key, MeterRegistry registry) {
      this.key = key;
      this.registry = registry;
      for (SourcePhase state : WATCH_STATES) {
        gauge(
            MeterCatalog.CLUSTER_WATCH_STATE,
            () -> phase.get() == state ? 1 : 0,
            key.tags(MeterCatalog.CLUSTER_WATCH_STATE, state.name()));
      }
      gauge(
          MeterCatalog.CLUSTER_OBJECTS,
          () -> objects.get().get(),
          key.tags(MeterCatalog.CLUSTER_OBJECTS));
      added = counter("ADDED");
      modified = counter("MODIFIED");
      deleted = counter("DELETED");
    }

    /** Registered at the first event, so that the series is absent rather than "1970". */
    void eventAt(long millis) {
      lastEventMillis.set(millis);
      if (!lastEventRegistered) {
        lastEventRegistered = true;
        gauge(
            MeterCatalog.CLUSTER_LAST_EVENT,
            () -> lastEventMillis.get() / 1000.0,
            key.tags(MeterCatalog.CLUSTER_LAST_EVENT));
      }
    }

    private Counter counter(String type) {
      MeterSpec spec = MeterCatalog.CLUSTER_EVENTS;
      return Counter.builder(spec.name())
          .description(spec.description())
          .baseUnit(spec.baseUnit())
          .tags(key.tags(spec, type))
          .register(registry);
    }

    private void gauge(MeterSpec spec, java.util.function.Supplier<Number> value, String[] tags) {
      Gauge.builder(spec.name(), value)
          .description(spec.description())
          .baseUnit(spec.baseUnit())
          .tags(tags)
          .strongReference(true)
          .register(registry);
    }
  }
}
