package io.driftwatch.drift.query;

import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.JsonSerde;
import io.driftwatch.model.topic.Topics;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps each resource's last drift transitions in a queryable store, so that one resource's recent
 * history is a key lookup on the instance that owns the key. Attach it to the stream of transitions
 * inside the drift topology (the same sub-topology as {@code drift-episode-store}), so that both
 * stores of a resource live in the same task and one instance answers for both.
 */
public final class TransitionHistory {

  /** The processor that appends transitions. */
  public static final String PROCESSOR = "drift-transition-history-processor";

  /** The persistent, changelogged store: resource key → {@link RecentTransitions}. */
  public static final String STORE = "drift-transition-history-store";

  /** How many transitions are kept per resource unless told otherwise. */
  public static final int DEFAULT_KEEP = 20;

  /**
   * How long a resource's history is kept after its latest transition: as long as {@code
   * gitops.drift-events.v1} keeps the transitions themselves.
   */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  /** How often (wall-clock) histories past their retention are looked for. */
  static final Duration PRUNE_INTERVAL = Duration.ofHours(1);

  private TransitionHistory() {}

  /**
   * Adds the history processor and its store below {@code transitions}, with {@link
   * #DEFAULT_RETENTION}.
   *
   * @param transitions the drift transitions (OPENED / UPDATED / RESOLVED) keyed by resource key
   * @param keep how many transitions to keep per resource ({@link #DEFAULT_KEEP} is the usual)
   */
  public static void attach(
      StreamsBuilder builder, KStream<ResourceKey, DriftEvent> transitions, int keep) {
    attach(builder, transitions, keep, DEFAULT_RETENTION);
  }

  /**
   * Adds the history processor and its store below {@code transitions}.
   *
   * @param retention how long a resource's history outlives its latest transition
   */
  public static void attach(
      StreamsBuilder builder,
      KStream<ResourceKey, DriftEvent> transitions,
      int keep,
      Duration retention) {
    builder.addStateStore(storeBuilder());
    transitions.process(processor(keep, retention), Named.as(PROCESSOR), STORE);
  }

  /** The store, keyed like every per-resource topic so that key lookups find its partition. */
  static StoreBuilder<KeyValueStore<ResourceKey, RecentTransitions>> storeBuilder() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(STORE),
        Topics.DRIFT_EVENTS.keySerde(),
        JsonSerde.of(RecentTransitions.class));
  }

  private static ProcessorSupplier<ResourceKey, DriftEvent, Void, Void> processor(
      int keep, Duration retention) {
    if (keep < 1) {
      throw new IllegalArgumentException(
          "Transition history keep must be at least 1, was "
              + keep
              + ": use "
              + DEFAULT_KEEP
              + " unless you have a reason");
    }
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException(
          "Transition history retention must be positive, was "
              + retention
              + ": use "
              + DEFAULT_RETENTION
              + " (as long as gitops.drift-events.v1 keeps transitions)");
    }
    return () -> new TransitionHistoryProcessor(STORE, keep, retention, PRUNE_INTERVAL);
  }
}
