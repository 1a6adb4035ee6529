package io.driftwatch.ingest.cluster.metrics;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts one watch's informer events into its kind's meters. Added beside the handler that
 * publishes, so that counting never depends on whether a record was published. The object count
 * follows the informer's own view: an initial list or a re-list adds, a delete (including one a
 * re-list finds) removes.
 */
final class KindEventMeter implements ResourceEventHandler<GenericKubernetesResource> {

  private final ClusterMetrics.KindMeters meters;
  private final AtomicLong objects;
  private final Clock clock;

  KindEventMeter(ClusterMetrics.KindMeters meters, AtomicLong objects, Clock clock) {
    this.meters = meters;
    this.objects = objects;
    this.clock = clock;
  }

  @Override
  public void onAdd(GenericKubernetesResource object) {
    objects.incrementAndGet();
    meters.added.increment();
    meters.eventAt(clock.millis());
  }

  @Override
  public void onUpdate(GenericKubernetesResource oldObject, GenericKubernetesResource newObject) {
    meters.modified.increment();
    meters.eventAt(clock.millis());
  }

  @Override
  public void onDelete(GenericKubernetesResource object, boolean deletedFinalStateUnknown) {
    objects.decrementAndGet();
    meters.deleted.increment();
    meters.eventAt(clock.millis());
  }
}
