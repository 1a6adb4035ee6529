package io.driftwatch.drift;

import io.driftwatch.diff.DiffEngine;
import io.driftwatch.drift.aggregate.DriftAggregates;
import io.driftwatch.drift.audit.AuditTopology;
import io.driftwatch.drift.deploy.DeploymentSettings;
import io.driftwatch.drift.deploy.DeploymentTopology;
import io.driftwatch.drift.episode.DriftEpisode;
import io.driftwatch.drift.episode.DriftEpisodeProcessor;
import io.driftwatch.drift.episode.DriftOutput;
import io.driftwatch.drift.episode.HeldVerdict;
import io.driftwatch.drift.gate.Gate;
import io.driftwatch.drift.query.TransitionHistory;
import io.driftwatch.drift.reconcile.ReconcileEpisode;
import io.driftwatch.drift.reconcile.ReconcileFailureSettings;
import io.driftwatch.drift.reconcile.ReconcileFailureTracker;
import io.driftwatch.drift.remediation.RemediationSettings;
import io.driftwatch.drift.remediation.RemediationTopology;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ReconcileEvent;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.RemediationRequest;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.JsonSerde;
import io.driftwatch.model.topic.Topics;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds drift-stream's topology: desired ⟗ live → both sides → verdict → drift episode →
 * drift-status and drift-events; and, apart, reconciler status → reconcile-failure episode →
 * reconcile-failures. Every node, store and internal topic is named here, because generated names
 * shift when an operator is added and would orphan state on upgrade; the build fails on an unnamed
 * one.
 */
public final class DriftTopology {

  public static final String DESIRED_SOURCE = "desired-table";
  public static final String DESIRED_STORE = "desired-store";
  public static final String LIVE_SOURCE = "live-table";
  public static final String LIVE_STORE = "live-store";
  public static final String SIDES_JOIN = "desired-live-join";
  public static final String SIDES_STREAM = "resource-sides-stream";
  public static final String EPISODE_PROCESSOR = "drift-episode-processor";
  public static final String EPISODE_STORE = "drift-episode-store";
  public static final String HELD_STORE = "drift-held-store";
  public static final String SOURCE_STATUS_WRITER = "source-status-global-writer";
  public static final String SOURCE_STATUS_STORE = "source-status-global-store";
  public static final String RECONCILER_STATUS_WRITER = "reconciler-status-global-writer";
  public static final String RECONCILER_STATUS_STORE = "reconciler-status-global-store";
  public static final String OUTPUT_SPLIT = "drift-output-";
  public static final String STATUS_BRANCH = "status";
  public static final String EVENT_BRANCH = "event";
  public static final String STATUS_VALUE = "drift-status-value";
  public static final String EVENT_VALUE = "drift-event-value";
  public static final String STATUS_SINK = "drift-status-sink";
  public static final String EVENTS_SINK = "drift-events-sink";
  public static final String RECONCILER_SOURCE = "reconciler-status-source";
  public static final String RECONCILE_PROCESSOR = "reconcile-failure-processor";
  public static final String RECONCILE_STORE = "reconcile-episode-store";
  public static final String RECONCILE_SINK = "reconcile-failures-sink";
  public static final String RECONCILER_MIRROR_SINK = "reconciler-status-global-sink";

  private DriftTopology() {}

  /**
   * The topology, comparing desired with live once per change, by the diff engine under {@code
   * config.comparison()}.
   *
   * <p>The desired and live tables are not cached: with a cache, each update waits in it until the
   * next commit, and the join, the diff and the episode all run inside the commit, which adds to
   * every drift event's latency; and the cache hands each update on with its old value, both read
   * back from JSON, which costs more than it saves when nearly every update is to another resource.
   * Measured in docs/benchmarks.md (drift-stream).
   */
  public static Topology build(DriftStreamConfig config) {
    StreamsBuilder builder = new StreamsBuilder(namingEnforced(config));

    KTable<ResourceKey, DesiredState> desired =
        builder.table(
            Topics.DESIRED_STATE.name(),
            Consumed.with(Topics.DESIRED_STATE.keySerde(), Topics.DESIRED_STATE.valueSerde())
                .withName(DESIRED_SOURCE),
            Materialized.<ResourceKey, DesiredState, KeyValueStore<Bytes, byte[]>>as(DESIRED_STORE)
                .withKeySerde(Topics.DESIRED_STATE.keySerde())
                .withValueSerde(Topics.DESIRED_STATE.valueSerde())
                .withCachingDisabled());
    KTable<ResourceKey, LiveState> live =
        builder.table(
            Topics.LIVE_STATE.name(),
            Consumed.with(Topics.LIVE_STATE.keySerde(), Topics.LIVE_STATE.valueSerde())
                .withName(LIVE_SOURCE),
            Materialized.<ResourceKey, LiveState, KeyValueStore<Bytes, byte[]>>as(LIVE_STORE)
                .withKeySerde(Topics.LIVE_STATE.keySerde())
                .withValueSerde(Topics.LIVE_STATE.valueSerde())
                .withCachingDisabled());

    StoreBuilder<KeyValueStore<ResourceKey, DriftEpisode>> episodes =
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(EPISODE_STORE),
            Topics.DRIFT_STATUS.keySerde(),
            JsonSerde.of(DriftEpisode.class));
    builder.addStateStore(episodes);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(HELD_STORE),
            Topics.DRIFT_STATUS.keySerde(),
            JsonSerde.of(HeldVerdict.class)));
    authorities(builder);

    DiffEngine engine = new DiffEngine(config.comparison());
    KStream<ResourceKey, ResourceSides> sides =
        desired
            .outerJoin(live, (d, l) -> ResourceSides.compare(d, l, engine), Named.as(SIDES_JOIN))
            .toStream(Named.as(SIDES_STREAM));
    DeploymentTopology.attach(builder, sides, new DeploymentSettings(config.environments()));
    Gate gate = new Gate(config.gate());
    DriftEpisodeProcessor.Stores stores =
        new DriftEpisodeProcessor.Stores(
            EPISODE_STORE, HELD_STORE, SOURCE_STATUS_STORE, RECONCILER_STATUS_STORE);
    KStream<ResourceKey, DriftOutput> outputs =
        sides.<ResourceKey, DriftOutput>process(
            () -> new DriftEpisodeProcessor(stores, gate),
            Named.as(EPISODE_PROCESSOR),
            EPISODE_STORE,
            HELD_STORE);

    Map<String, KStream<ResourceKey, DriftOutput>> branches =
        outputs
            .split(Named.as(OUTPUT_SPLIT))
            .branch(
                (key, output) -> output instanceof DriftOutput.StatusChange,
                Branched.as(STATUS_BRANCH))
            .branch(
                (key, output) -> output instanceof DriftOutput.Transition,
                Branched.as(EVENT_BRANCH))
            .noDefaultBranch();
    KStream<ResourceKey, DriftStatus> statuses =
        branches
            .get(OUTPUT_SPLIT + STATUS_BRANCH)
            .mapValues(
                output -> ((DriftOutput.StatusChange) output).status(), Named.as(STATUS_VALUE));
    statuses.to(
        Topics.DRIFT_STATUS.name(),
        Produced.with(Topics.DRIFT_STATUS.keySerde(), Topics.DRIFT_STATUS.valueSerde())
            .withName(STATUS_SINK));
    KStream<ResourceKey, DriftEvent> transitions =
        branches
            .get(OUTPUT_SPLIT + EVENT_BRANCH)
            .mapValues(output -> ((DriftOutput.Transition) output).event(), Named.as(EVENT_VALUE));
    transitions.to(
        Topics.DRIFT_EVENTS.name(),
        Produced.with(Topics.DRIFT_EVENTS.keySerde(), Topics.DRIFT_EVENTS.valueSerde())
            .withName(EVENTS_SINK));

    DriftAggregates.attach(builder, statuses);
    TransitionHistory.attach(builder, transitions, config.queries().transitionsKept());
    RemediationSettings remediation = config.remediation();
    KStream<ResourceKey, RemediationRequest> requests =
        RemediationTopology.attach(
            builder,
            transitions,
            DESIRED_STORE,
            remediation.policy(),
            remediation.backoff(),
            remediation.tickInterval());
    KStream<ResourceKey, ReconcileEvent> reconcileEvents =
        reconcileFailures(builder, config.reconcileFailures());
    AuditTopology.attach(builder, transitions, reconcileEvents, requests);
    return builder.build();
  }

  /**
   * The latest source status and reconciler status, as global stores: every instance sees every
   * source and reconciler, whatever partitions it processes, because the gate needs them for any
   * resource. Global stores are rebuilt from their topics before processing starts, so the gate
   * never judges with an empty view after a restart.
   */
  private static void authorities(StreamsBuilder builder) {
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SOURCE_STATUS_STORE),
                Topics.SOURCE_STATUS.keySerde(),
                Topics.SOURCE_STATUS.valueSerde())
            .withLoggingDisabled(),
        Topics.SOURCE_STATUS.name(),
        Consumed.with(Topics.SOURCE_STATUS.keySerde(), Topics.SOURCE_STATUS.valueSerde())
            .withName(SOURCE_STATUS_WRITER),
        () -> new GlobalStoreWriter<>(SOURCE_STATUS_STORE));
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RECONCILER_STATUS_STORE),
                Topics.RECONCILER_STATUS_GLOBAL.keySerde(),
                Topics.RECONCILER_STATUS_GLOBAL.valueSerde())
            .withLoggingDisabled(),
        Topics.RECONCILER_STATUS_GLOBAL.name(),
        Consumed.with(
                Topics.RECONCILER_STATUS_GLOBAL.keySerde(),
                Topics.RECONCILER_STATUS_GLOBAL.valueSerde())
            .withName(RECONCILER_STATUS_WRITER),
        () -> new GlobalStoreWriter<>(RECONCILER_STATUS_STORE));
  }

  /** Reconciler status → FAILING / RECOVERED / DELETED, deduplicated per reconciler. */
  private static KStream<ResourceKey, ReconcileEvent> reconcileFailures(
      StreamsBuilder builder, ReconcileFailureSettings settings) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(RECONCILE_STORE),
            Topics.RECONCILER_STATUS.keySerde(),
            JsonSerde.of(ReconcileEpisode.class)));
    ReconcileFailureTracker tracker = new ReconcileFailureTracker(settings);
    KStream<ResourceKey, ReconcilerStatus> statuses =
        builder.stream(
            Topics.RECONCILER_STATUS.name(),
            Consumed.with(
                    Topics.RECONCILER_STATUS.keySerde(), Topics.RECONCILER_STATUS.valueSerde())
                .withName(RECONCILER_SOURCE));
    statuses.to(
        Topics.RECONCILER_STATUS_GLOBAL.name(),
        Produced.with(
                Topics.RECONCILER_STATUS_GLOBAL.keySerde(),
                Topics.RECONCILER_STATUS_GLOBAL.valueSerde())
            .withName(RECONCILER_MIRROR_SINK));
    KStream<ResourceKey, ReconcileEvent> events =
        statuses.process(
            () -> new ReconcileFailureProcessor(RECONCILE_STORE, tracker),
            Named.as(RECONCILE_PROCESSOR),
            RECONCILE_STORE);
    events.to(
        Topics.RECONCILE_FAILURES.name(),
        Produced.with(Topics.RECONCILE_FAILURES.keySerde(), Topics.RECONCILE_FAILURES.valueSerde())
            .withName(RECONCILE_SINK));
    return events;
  }

  /**
   * A topology config with {@code ensure.explicit.internal.resource.naming} on, so that building
   * (not only starting) fails when a store or internal topic has a generated name.
   */
  private static TopologyConfig namingEnforced(DriftStreamConfig config) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    // StreamsConfig insists on brokers; the topology-level settings read from it never use them.
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "topology-build-only:9092");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    return new TopologyConfig(new StreamsConfig(props));
  }
}
