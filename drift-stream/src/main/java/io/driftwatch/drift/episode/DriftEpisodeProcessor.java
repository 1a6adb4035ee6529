package io.driftwatch.drift.episode;

import io.driftwatch.drift.ResourceSides;
import io.driftwatch.model.ResourceKey;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies {@link EpisodeTracker} to each verdict against the persistent episode store and forwards
 * the resulting status change and transition. "Now" is the processing wall-clock time, so episode
 * durations measure what operators saw, and tests can drive the clock.
 */
public final class DriftEpisodeProcessor
    implements Processor<ResourceKey, ResourceSides, ResourceKey, DriftOutput> {

  private final String storeName;
  private final VerdictJoiner verdicts;
  private ProcessorContext<ResourceKey, DriftOutput> context;
  private KeyValueStore<ResourceKey, DriftEpisode> store;

  public DriftEpisodeProcessor(String storeName, VerdictJoiner verdicts) {
    this.storeName = storeName;
    this.verdicts = verdicts;
  }

  @Override
  public void init(ProcessorContext<ResourceKey, DriftOutput> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<ResourceKey, ResourceSides> record) {
    ResourceKey key = record.key();
    if (key == null) {
      return;
    }
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    ResourceSides sides = record.value();
    Verdict verdict = sides == null ? null : verdicts.apply(sides.desired(), sides.live());
    EpisodeTracker.Step step = EpisodeTracker.advance(key, store.get(key), verdict, now);
    if (!step.changed()) {
      return;
    }
    if (step.next() == null) {
      store.delete(key);
    } else {
      store.put(key, step.next());
    }
    context.forward(record.withValue(new DriftOutput.StatusChange(step.status())));
    if (step.event() != null) {
      context.forward(record.withValue(new DriftOutput.Transition(step.event())));
    }
  }
}
