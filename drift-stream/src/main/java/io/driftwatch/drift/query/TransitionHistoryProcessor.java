package io.driftwatch.drift.query;

import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.ResourceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Appends each drift transition to its resource's {@link RecentTransitions}, keeping the last
 * {@code keep}, and now and then forgets resources whose latest transition is older than the
 * retention: a resource deleted from Git and cluster sends no further transition, so without this
 * its history would stay forever.
 */
final class TransitionHistoryProcessor implements Processor<ResourceKey, DriftEvent, Void, Void> {

  private final String storeName;
  private final int keep;
  private final Duration retention;
  private final Duration pruneInterval;
  private KeyValueStore<ResourceKey, RecentTransitions> store;

  TransitionHistoryProcessor(
      String storeName, int keep, Duration retention, Duration pruneInterval) {
    this.storeName = storeName;
    this.keep = keep;
    this.retention = retention;
    this.pruneInterval = pruneInterval;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.store = context.getStateStore(storeName);
    context.schedule(pruneInterval, PunctuationType.WALL_CLOCK_TIME, this::prune);
  }

  @Override
  public void process(Record<ResourceKey, DriftEvent> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    RecentTransitions previous = store.get(record.key());
    RecentTransitions base = previous == null ? RecentTransitions.empty() : previous;
    store.put(record.key(), base.with(record.value(), keep));
  }

  private void prune(long nowMs) {
    Instant cutoff = Instant.ofEpochMilli(nowMs).minus(retention);
    List<ResourceKey> expired = new ArrayList<>();
    try (KeyValueIterator<ResourceKey, RecentTransitions> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<ResourceKey, RecentTransitions> entry = all.next();
        Instant latest = entry.value == null ? null : entry.value.latestAt();
        if (latest == null || latest.isBefore(cutoff)) {
          expired.add(entry.key);
        }
      }
    }
    expired.forEach(store::delete);
  }
}
