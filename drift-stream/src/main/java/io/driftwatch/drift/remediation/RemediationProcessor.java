package io.driftwatch.drift.remediation;

import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.RemediationRequest;
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
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link RemediationPlanner} inside the topology: on each drift transition against the
 * resource's stored {@link RemediationState} (with the labels of its desired manifest), and from a
 * wall-clock punctuation for the states whose next attempt, escalation or forgetting has come due.
 * A due index beside the state store, ordered by due time, keeps each tick proportional to what is
 * due rather than to every resource tracked. Both stores are changelogged, so after a restart or a
 * rebalance nothing that was published is published again.
 */
final class RemediationProcessor
    implements Processor<ResourceKey, DriftEvent, ResourceKey, RemediationRequest> {

  /**
   * Bounds the work of one tick so that a fleet-wide drift (every resource due at once) cannot hold
   * the stream thread for long; the rest are taken at the next tick, still earliest first.
   */
  static final int MAX_DUE_PER_TICK = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(RemediationProcessor.class);

  private final RemediationPlanner planner;
  private final String stateStoreName;
  private final String dueStoreName;
  private final String desiredStoreName;
  private final Duration tickInterval;
  private ProcessorContext<ResourceKey, RemediationRequest> context;
  private KeyValueStore<ResourceKey, RemediationState> states;
  private KeyValueStore<String, ResourceKey> due;
  private ReadOnlyKeyValueStore<ResourceKey, ?> desired;

  RemediationProcessor(
      RemediationPlanner planner,
      String stateStoreName,
      String dueStoreName,
      String desiredStoreName,
      Duration tickInterval) {
    this.planner = planner;
    this.stateStoreName = stateStoreName;
    this.dueStoreName = dueStoreName;
    this.desiredStoreName = desiredStoreName;
    this.tickInterval = tickInterval;
  }

  @Override
  public void init(ProcessorContext<ResourceKey, RemediationRequest> context) {
    this.context = context;
    this.states = context.getStateStore(stateStoreName);
    this.due = context.getStateStore(dueStoreName);
    this.desired = context.getStateStore(desiredStoreName);
    context.schedule(tickInterval, PunctuationType.WALL_CLOCK_TIME, this::tick);
  }

  @Override
  public void process(Record<ResourceKey, DriftEvent> record) {
    ResourceKey key = record.key();
    DriftEvent event = record.value();
    if (key == null || event == null) {
      return;
    }
    String problem = problem(key, event);
    if (problem != null) {
      LOG.warn("remediation skips the drift event for {}: {}", key, problem);
      return;
    }
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    RemediationState previous = states.get(key);
    RemediationPlanner.Step step =
        planner.onTransition(previous, event, DesiredLabels.of(desired.get(key)), now);
    apply(key, previous, step, record.timestamp());
  }

  private void tick(long timestamp) {
    Instant now = Instant.ofEpochMilli(timestamp);
    List<KeyValue<String, ResourceKey>> dueNow = new ArrayList<>();
    // Collected first and changed after: the iterator must not see its own store being rewritten.
    try (KeyValueIterator<String, ResourceKey> entries = due.all()) {
      while (entries.hasNext() && dueNow.size() < MAX_DUE_PER_TICK) {
        KeyValue<String, ResourceKey> entry = entries.next();
        if (DueKey.dueMillis(entry.key) > timestamp) {
          break;
        }
        dueNow.add(entry);
      }
    }
    for (KeyValue<String, ResourceKey> entry : dueNow) {
      RemediationState state = states.get(entry.value);
      if (state == null || state.dueAt() == null || !entry.key.equals(dueKey(state))) {
        due.delete(entry.key); // left behind by a state that has moved on
        continue;
      }
      apply(entry.value, state, planner.onTick(state, now), timestamp);
    }
  }

  private void apply(
      ResourceKey key, RemediationState previous, RemediationPlanner.Step step, long timestamp) {
    if (!step.changed()) {
      return;
    }
    RemediationState next = step.next();
    String before = previous == null || previous.dueAt() == null ? null : dueKey(previous);
    String after = next == null || next.dueAt() == null ? null : dueKey(next);
    if (before != null && !before.equals(after)) {
      due.delete(before);
    }
    if (after != null && !after.equals(before)) {
      due.put(after, key);
    }
    if (next == null) {
      if (previous != null) {
        states.delete(key);
      }
    } else {
      states.put(key, next);
    }
    if (step.request() != null) {
      context.forward(new Record<>(key, step.request(), timestamp));
    }
  }

  private static String dueKey(RemediationState state) {
    return DueKey.of(state.dueAt(), state.key());
  }

  /** What makes a transition unusable for planning, or null when it is fine. */
  private static String problem(ResourceKey key, DriftEvent event) {
    if (event.key() == null) {
      return "it has no key field";
    }
    if (event.transition() == null) {
      return "it has no transition";
    }
    if (event.openedAt() == null) {
      return "it has no openedAt (episode onset)";
    }
    if (event.driftType() == null) {
      return "it has no drift type";
    }
    if (!event.key().equals(key)) {
      return "its key field " + event.key() + " differs from the record key";
    }
    return null;
  }
}
