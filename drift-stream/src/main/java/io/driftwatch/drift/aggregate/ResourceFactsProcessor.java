package io.driftwatch.drift.aggregate;

import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the {@link ResourceFacts} of every known resource, on the resource's own partition, and
 * forwards a {@link FactsChange} only when they change. Most status changes (new diffs, a new
 * commit, PENDING after SYNCED) change neither the counted drift type nor the episode start, so
 * they stop here instead of crossing a repartition topic.
 */
final class ResourceFactsProcessor
    implements FixedKeyProcessor<ResourceKey, DriftStatus, FactsChange> {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceFactsProcessor.class);

  private final String storeName;
  private FixedKeyProcessorContext<ResourceKey, FactsChange> context;
  private KeyValueStore<ResourceKey, ResourceFacts> store;

  ResourceFactsProcessor(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(FixedKeyProcessorContext<ResourceKey, FactsChange> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<ResourceKey, DriftStatus> record) {
    ResourceKey key = record.key();
    if (key == null) {
      LOG.error("Drift aggregates: skipped a drift status without a resource key");
      return;
    }
    ResourceFacts current = record.value() == null ? null : facts(key, record.value());
    ResourceFacts previous = store.get(key);
    if (Objects.equals(previous, current)) {
      return;
    }
    if (current == null) {
      store.delete(key);
    } else {
      store.put(key, current);
    }
    context.forward(record.withValue(new FactsChange(key, previous, current)));
  }

  /** The facts of a status; a status without a sync status or drift type counts as not drifted. */
  static ResourceFacts facts(ResourceKey key, DriftStatus status) {
    if (status.syncStatus() == null || status.driftType() == null) {
      LOG.error(
          "Drift aggregates: the drift status of {} has no {}; it is counted as not drifted",
          key,
          status.syncStatus() == null ? "syncStatus" : "driftType");
      return new ResourceFacts(DriftType.NONE, status.openedAt());
    }
    return new ResourceFacts(
        status.drifted() ? status.driftType() : DriftType.NONE, status.openedAt());
  }
}
