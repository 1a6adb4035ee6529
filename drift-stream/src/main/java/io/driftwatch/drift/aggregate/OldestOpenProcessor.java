package io.driftwatch.drift.aggregate;

import io.driftwatch.model.DriftAggregate;
import io.driftwatch.model.ResourceKey;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps, per cluster and namespace, an index of the open drift episodes ordered by openedAt, and
 * publishes the oldest one's openedAt whenever it changes (a tombstone when none is open any more).
 * A running minimum would not do: when the oldest episode resolves, the next oldest must be known.
 * The index costs one small entry per open episode, and each change is one delete, one put and two
 * seeks to the first entry of the namespace, whatever the namespace's size.
 */
final class OldestOpenProcessor implements Processor<String, FactsChange, String, DriftAggregate> {

  private static final Logger LOG = LoggerFactory.getLogger(OldestOpenProcessor.class);
  private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

  private final String storeName;
  private ProcessorContext<String, DriftAggregate> context;
  private KeyValueStore<String, String> index;

  OldestOpenProcessor(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, DriftAggregate> context) {
    this.context = context;
    this.index = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, FactsChange> record) {
    FactsChange change = record.value();
    if (change == null || change.key() == null) {
      LOG.error(
          "Drift aggregates: skipped an open-drift change for {} without a resource key",
          record.key());
      return;
    }
    ResourceKey resource = change.key();
    String prefix = OpenedAtIndex.prefix(resource);
    Instant before = oldest(prefix);
    if (change.previousOpenedAt() != null) {
      index.delete(OpenedAtIndex.key(resource, change.previousOpenedAt()));
    }
    if (change.currentOpenedAt() != null) {
      index.put(OpenedAtIndex.key(resource, change.currentOpenedAt()), "");
    }
    Instant after = oldest(prefix);
    if (Objects.equals(before, after)) {
      return;
    }
    context.forward(
        record
            .withKey(DriftAggregate.oldestOpenKey(resource.cluster(), resource.namespace()))
            .withValue(
                after == null
                    ? null
                    : DriftAggregate.oldestOpen(resource.cluster(), resource.namespace(), after)));
  }

  private Instant oldest(String prefix) {
    try (KeyValueIterator<String, String> entries = index.prefixScan(prefix, PREFIX_SERIALIZER)) {
      return entries.hasNext() ? OpenedAtIndex.openedAt(prefix, entries.next().key) : null;
    }
  }
}
