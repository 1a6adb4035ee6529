package io.driftwatch.drift;

import io.driftwatch.drift.reconcile.ReconcileEpisode;
import io.driftwatch.drift.reconcile.ReconcileFailureTracker;
import io.driftwatch.model.ReconcileEvent;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ResourceKey;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies {@link ReconcileFailureTracker} to each reconciler status against the persistent store of
 * open episodes and forwards the transitions. "Now" is the processing wall-clock time, as for drift
 * episodes.
 */
final class ReconcileFailureProcessor
    implements Processor<ResourceKey, ReconcilerStatus, ResourceKey, ReconcileEvent> {

  private final String storeName;
  private final ReconcileFailureTracker tracker;
  private ProcessorContext<ResourceKey, ReconcileEvent> context;
  private KeyValueStore<ResourceKey, ReconcileEpisode> store;

  ReconcileFailureProcessor(String storeName, ReconcileFailureTracker tracker) {
    this.storeName = storeName;
    this.tracker = tracker;
  }

  @Override
  public void init(ProcessorContext<ResourceKey, ReconcileEvent> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<ResourceKey, ReconcilerStatus> record) {
    ResourceKey key = record.key();
    if (key == null) {
      return;
    }
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    ReconcileFailureTracker.Step step = tracker.advance(key, store.get(key), record.value(), now);
    if (!step.changed()) {
      return;
    }
    if (step.next() == null) {
      store.delete(key);
    } else {
      store.put(key, step.next());
    }
    if (step.event() != null) {
      context.forward(record.withValue(step.event()));
    }
  }
}
