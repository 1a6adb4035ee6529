package io.driftwatch.model.topic;

import io.driftwatch.model.AuditRecord;
import io.driftwatch.model.CommitRecord;
import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.DeploymentEvent;
import io.driftwatch.model.DeploymentStatus;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftAggregate;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ReconcileEvent;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.RemediationRequest;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.serde.JsonSerde;
import io.driftwatch.model.serde.ResourceKeySerde;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The registry of driftwatch's topics. Names carry a {@code .v1} suffix: an incompatible schema
 * gets a new topic.
 */
public final class Topics {

  /** Partitions of the per-resource topics unless the configuration says otherwise. */
  public static final int DEFAULT_PARTITIONS = 6;

  private static final ResourceKeySerde KEY = new ResourceKeySerde();

  /** Desired state per resource, rendered from Git; compacted, tombstone on removal from Git. */
  public static final Topic<ResourceKey, DesiredState> DESIRED_STATE =
      new Topic<>(
          "gitops.desired-state.v1",
          KEY,
          JsonSerde.of(DesiredState.class),
          DEFAULT_PARTITIONS,
          CleanupPolicy.COMPACT,
          null);

  /**
   * Each commit a Git source processed (author, subject, signature, parents); keyed {@code <source
   * id>@<sha>}, an event log kept 30 days.
   */
  public static final Topic<String, CommitRecord> COMMITS =
      new Topic<>(
          "gitops.commits.v1",
          Serdes.String(),
          JsonSerde.of(CommitRecord.class),
          DEFAULT_PARTITIONS,
          CleanupPolicy.DELETE,
          Duration.ofDays(30));

  /**
   * Live state per resource, observed in clusters; compacted, tombstone on deletion. Co-partitioned
   * with desired.
   */
  public static final Topic<ResourceKey, LiveState> LIVE_STATE =
      new Topic<>(
          "gitops.live-state.v1",
          KEY,
          JsonSerde.of(LiveState.class),
          DEFAULT_PARTITIONS,
          CleanupPolicy.COMPACT,
          null);

  /**
   * Whether each Git source and each watched cluster kind is authoritative; compacted, keyed by
   * source.
   */
  public static final Topic<String, SourceStatus> SOURCE_STATUS =
      new Topic<>(
          "gitops.source-status.v1",
          Serdes.String(),
          JsonSerde.of(SourceStatus.class),
          DEFAULT_PARTITIONS,
          CleanupPolicy.COMPACT,
          null);

  /**
   * The normalised status of every GitOps reconciler object (Flux, Argo CD, OpenChoreo); compacted,
   * keyed by the reconciler's resource key, tombstone on deletion.
   */
  public static final Topic<ResourceKey, ReconcilerStatus> RECONCILER_STATUS =
      new Topic<>(
          "gitops.reconciler-status.v1",
          KEY,
          JsonSerde.of(ReconcilerStatus.class),
          DEFAULT_PARTITIONS,
          CleanupPolicy.COMPACT,
          null);

  /**
   * drift-stream's own copy of {@link #RECONCILER_STATUS}, which every drift-stream instance reads
   * whole as a global store to judge whether a reconciler has applied a commit. Kafka Streams lets
   * a topic feed either a stream or a global store, and drift-stream also streams the original;
   * written only by drift-stream, inside its transactions. Compacted.
   */
  public static final Topic<ResourceKey, ReconcilerStatus> RECONCILER_STATUS_GLOBAL =
      new Topic<>(
          "gitops.reconciler-status-global.v1",
          KEY,
          JsonSerde.of(ReconcilerStatus.class),
          DEFAULT_PARTITIONS,
          CleanupPolicy.COMPACT,
          null);

  /** The current drift verdict per resource; compacted. */
  public static final Topic<ResourceKey, DriftStatus> DRIFT_STATUS =
      new Topic<>(
          "gitops.drift-status.v1",
          KEY,
          JsonSerde.of(DriftStatus.class),
          DEFAULT_PARTITIONS,
          CleanupPolicy.COMPACT,
          null);

  /** Drift transitions (OPENED / UPDATED / RESOLVED); an event log kept 30 days. */
  public static final Topic<ResourceKey, DriftEvent> DRIFT_EVENTS =
      new Topic<>(
          "gitops.drift-events.v1",
          KEY,
          JsonSerde.of(DriftEvent.class),
          DEFAULT_PARTITIONS,
          CleanupPolicy.DELETE,
          Duration.ofDays(30));

  /**
   * Drift figures per group of resources, for metrics: drifted resources per cluster, namespace,
   * API group, kind and drift type, and the oldest open drift per cluster and namespace. Keyed by
   * {@link DriftAggregate#key()}; compacted, tombstone when a group empties.
   */
  public static final Topic<String, DriftAggregate> DRIFT_AGGREGATES =
      new Topic<>(
          "gitops.drift-aggregates.v1",
          Serdes.String(),
          JsonSerde.of(DriftAggregate.class),
          DEFAULT_PARTITIONS,
          CleanupPolicy.COMPACT,
          null);

  /**
   * Reconcile-failure transitions (FAILING / RECOVERED / DELETED) per reconciler, keyed by the
   * reconciler's resource key; an event log kept 30 days.
   */
  public static final Topic<ResourceKey, ReconcileEvent> RECONCILE_FAILURES =
      new Topic<>(
          "gitops.reconcile-failures.v1",
          KEY,
          JsonSerde.of(ReconcileEvent.class),
          DEFAULT_PARTITIONS,
          CleanupPolicy.DELETE,
          Duration.ofDays(30));

  /**
   * Requests to remediate a drifted resource (policy-driven, backed off, each with an idempotency
   * key), keyed by the resource key; an event log kept 7 days: a request older than that is stale
   * and its executor would act on a world that has moved on.
   */
  public static final Topic<ResourceKey, RemediationRequest> REMEDIATION_REQUESTS =
      new Topic<>(
          "gitops.remediation-requests.v1",
          KEY,
          JsonSerde.of(RemediationRequest.class),
          DEFAULT_PARTITIONS,
          CleanupPolicy.DELETE,
          Duration.ofDays(7));

  /**
   * The audit trail: every drift and reconcile-failure transition and every remediation request
   * with its cause, keyed by the subject's resource key string. Append-only (never a tombstone, no
   * compaction) and kept a year, the horizon audits usually ask about.
   */
  public static final Topic<String, AuditRecord> AUDIT =
      new Topic<>(
          "gitops.audit.v1",
          Serdes.String(),
          JsonSerde.of(AuditRecord.class),
          DEFAULT_PARTITIONS,
          CleanupPolicy.DELETE,
          Duration.ofDays(365));

  /**
   * The rollout state per workload ({@code workload:<resource key>}) and per component ×
   * environment ({@code component:<environment>/<project>/<component>}); compacted, tombstone when
   * gone.
   */
  public static final Topic<String, DeploymentStatus> DEPLOYMENT_STATUS =
      new Topic<>(
          "gitops.deployment-status.v1",
          Serdes.String(),
          JsonSerde.of(DeploymentStatus.class),
          DEFAULT_PARTITIONS,
          CleanupPolicy.COMPACT,
          null);

  /**
   * One record per completed deployment of a component × environment (SUCCEEDED / FAILED, lead
   * time, time to restore), keyed {@code <environment>/<project>/<component>}; the DORA records,
   * kept 90 days.
   */
  public static final Topic<String, DeploymentEvent> DEPLOYMENT_EVENTS =
      new Topic<>(
          "gitops.deployment-events.v1",
          Serdes.String(),
          JsonSerde.of(DeploymentEvent.class),
          DEFAULT_PARTITIONS,
          CleanupPolicy.DELETE,
          Duration.ofDays(90));

  /** Input that could not be processed, with the reason; kept 30 days. Keyed by origin. */
  public static final Topic<String, DeadLetter> DEAD_LETTER =
      new Topic<>(
          "gitops.dead-letter.v1",
          Serdes.String(),
          JsonSerde.of(DeadLetter.class),
          1,
          CleanupPolicy.DELETE,
          Duration.ofDays(30));

  private Topics() {}

  /** Every topic driftwatch provisions, in the order of the data flow. */
  public static List<Topic<?, ?>> all() {
    return List.of(
        DESIRED_STATE,
        COMMITS,
        LIVE_STATE,
        SOURCE_STATUS,
        RECONCILER_STATUS,
        RECONCILER_STATUS_GLOBAL,
        DRIFT_STATUS,
        DRIFT_EVENTS,
        DRIFT_AGGREGATES,
        RECONCILE_FAILURES,
        REMEDIATION_REQUESTS,
        AUDIT,
        DEPLOYMENT_STATUS,
        DEPLOYMENT_EVENTS,
        DEAD_LETTER);
  }

  /** Topics that must have equal partition counts because drift-stream joins them by key. */
  public static List<Topic<ResourceKey, ?>> copartitioned() {
    return List.of(DESIRED_STATE, LIVE_STATE);
  }
}
