package io.driftwatch.drift.episode;

import io.driftwatch.drift.ResourceSides;
import io.driftwatch.drift.gate.Decision;
import io.driftwatch.drift.gate.Gate;
import io.driftwatch.drift.gate.GateInputs;
import io.driftwatch.drift.gate.StoreAuthorities;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftCause;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.FieldOwner;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SyncStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns both sides of a resource into a raw verdict, passes it through the {@link Gate}, and
 * applies {@link EpisodeTracker} against the persistent episode store, forwarding the status change
 * and the transition. A withheld verdict is kept in the held store, and a wall-clock punctuator
 * judges the held ones again, so a source becoming authoritative or a grace period running out is
 * published without waiting for new input. "Now" is the processing wall-clock time, so episode
 * durations measure what operators saw, and tests can drive the clock.
 */
public final class DriftEpisodeProcessor
    implements Processor<ResourceKey, ResourceSides, ResourceKey, DriftOutput> {

  /** The stores and lookups the processor uses, by name. */
  public record Stores(String episodes, String held, String sources, String reconcilers) {}

  private final Stores names;
  private final Gate gate;
  private ProcessorContext<ResourceKey, DriftOutput> context;
  private KeyValueStore<ResourceKey, DriftEpisode> episodes;
  private KeyValueStore<ResourceKey, HeldVerdict> held;
  private StoreAuthorities authorities;

  public DriftEpisodeProcessor(Stores names, Gate gate) {
    this.names = names;
    this.gate = gate;
  }

  @Override
  public void init(ProcessorContext<ResourceKey, DriftOutput> context) {
    this.context = context;
    this.episodes = context.getStateStore(names.episodes());
    this.held = context.getStateStore(names.held());
    this.authorities =
        new StoreAuthorities(
            context.getStateStore(names.sources()), context.getStateStore(names.reconcilers()));
    context.schedule(
        gate.settings().recheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::recheck);
  }

  @Override
  public void process(Record<ResourceKey, ResourceSides> record) {
    ResourceKey key = record.key();
    if (key == null) {
      return;
    }
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    ResourceSides sides = record.value();
    DesiredState desired = sides == null ? null : sides.desired();
    LiveState live = sides == null ? null : sides.live();
    DriftEpisode previous = episodes.get(key);
    Verdict raw = sides == null ? null : Verdicts.of(sides, previous);
    GateInputs inputs = inputs(desired, live, previous);
    DriftCause cause = cause(desired, live, raw);
    decide(key, previous, raw, inputs, cause, now, record.timestamp());
  }

  /** Judges every held verdict again. */
  private void recheck(long wallClockMs) {
    List<KeyValue<ResourceKey, HeldVerdict>> snapshot = new ArrayList<>();
    try (KeyValueIterator<ResourceKey, HeldVerdict> all = held.all()) {
      all.forEachRemaining(snapshot::add);
    }
    Instant now = Instant.ofEpochMilli(wallClockMs);
    for (KeyValue<ResourceKey, HeldVerdict> entry : snapshot) {
      HeldVerdict h = entry.value;
      decide(entry.key, episodes.get(entry.key), h.raw(), h.inputs(), h.cause(), now, wallClockMs);
    }
  }

  private void decide(
      ResourceKey key,
      DriftEpisode previous,
      Verdict raw,
      GateInputs inputs,
      DriftCause cause,
      Instant now,
      long timestamp) {
    Verdict gated = raw;
    boolean mayBeHeld = previous != null && heldStatus(previous.status().syncStatus());
    if (raw != null && raw.drifted()) {
      HeldVerdict before = mayBeHeld ? held.get(key) : null;
      Instant firstSeen = before != null && before.sameDifference(raw) ? before.firstSeen() : now;
      Decision decision =
          gate.judge(
              key,
              raw.driftType(),
              inputs,
              firstSeen,
              authorities,
              context.currentStreamTimeMs(),
              now);
      if (decision.held()) {
        gated = raw.heldAs(decision);
        if (before == null || !before.firstSeen().equals(firstSeen) || !before.raw().equals(raw)) {
          held.put(key, HeldVerdict.of(raw, inputs, cause, firstSeen));
        }
      } else if (before != null) {
        held.delete(key);
      }
    } else if (mayBeHeld) {
      held.delete(key);
    }
    EpisodeTracker.Step step =
        EpisodeTracker.advance(
            key, previous, gated, inputs.gitSource(), inputs.reconciler(), cause, now);
    if (!step.store()) {
      return;
    }
    if (step.next() == null) {
      episodes.delete(key);
    } else {
      episodes.put(key, step.next());
    }
    if (step.publish()) {
      context.forward(new Record<>(key, new DriftOutput.StatusChange(step.status()), timestamp));
    }
    if (step.event() != null) {
      context.forward(new Record<>(key, new DriftOutput.Transition(step.event()), timestamp));
    }
  }

  private static boolean heldStatus(SyncStatus status) {
    return status == SyncStatus.PENDING || status == SyncStatus.UNKNOWN;
  }

  private static GateInputs inputs(DesiredState desired, LiveState live, DriftEpisode previous) {
    String source = desired != null && desired.manifest() != null ? desired.source() : null;
    if (source == null && previous != null) {
      source = previous.gitSource();
    }
    ResourceKey reconciler = live != null && live.manifest() != null ? live.managedBy() : null;
    if (reconciler == null && previous != null) {
      reconciler = previous.reconciler();
    }
    boolean hasDesired = desired != null && desired.manifest() != null;
    return new GateInputs(
        source,
        hasDesired ? desired.commit() : null,
        hasDesired ? desired.commitTime() : null,
        reconciler);
  }

  private static DriftCause cause(DesiredState desired, LiveState live, Verdict raw) {
    if (desired == null && live == null) {
      return null;
    }
    Set<FieldOwner> managers = new LinkedHashSet<>();
    if (raw != null) {
      for (FieldDiff diff : raw.diffs()) {
        if (diff.owner() != null) {
          managers.add(diff.owner());
        }
      }
    }
    return new DriftCause(
        desired == null ? null : desired.commit(),
        desired == null ? null : desired.author(),
        desired == null ? null : desired.commitTime(),
        live == null ? null : live.resourceVersion(),
        live == null ? null : live.observedAt(),
        List.copyOf(managers));
  }
}
