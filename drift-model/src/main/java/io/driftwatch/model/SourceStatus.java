package io.driftwatch.model;

import java.time.Instant;

/**
 * Whether one source is authoritative yet: the value of {@code gitops.source-status.v1}, keyed by
 * {@link #source()}. Git sources are keyed {@code git:<source id>}; cluster sources {@code
 * cluster:<cluster>/<group>/<kind>}.
 *
 * @param revision the commit sha (Git) or the list resourceVersion (cluster) the phase refers to
 * @param resourceCount how many objects the source holds at that revision
 * @param message why the source failed, or null; never contains credentials or Secret values
 * @param lastSuccessAt when the source last reached {@link SourcePhase#SYNCED}, or null when not
 *     known (never synced, or a reader of records written before this field existed)
 * @param consecutiveFailures how many attempts in a row have ended {@link SourcePhase#FAILED}; 0
 *     once the source syncs again
 */
public record SourceStatus(
    int schemaVersion,
    String source,
    SourceOrigin origin,
    SourcePhase phase,
    String revision,
    long resourceCount,
    Instant observedAt,
    String message,
    Instant lastSuccessAt,
    int consecutiveFailures) {

  public static final int SCHEMA_VERSION = 1;

  /** A status without failure history: {@code lastSuccessAt} is {@code observedAt} when SYNCED. */
  public static SourceStatus of(
      String source,
      SourceOrigin origin,
      SourcePhase phase,
      String revision,
      long resourceCount,
      Instant observedAt,
      String message) {
    return new SourceStatus(
        SCHEMA_VERSION,
        source,
        origin,
        phase,
        revision,
        resourceCount,
        observedAt,
        message,
        phase == SourcePhase.SYNCED ? observedAt : null,
        0);
  }

  /** This status with the source's success and failure history, which its publisher keeps. */
  public SourceStatus withHistory(Instant lastSuccessAt, int consecutiveFailures) {
    return new SourceStatus(
        schemaVersion,
        source,
        origin,
        phase,
        revision,
        resourceCount,
        observedAt,
        message,
        lastSuccessAt,
        consecutiveFailures);
  }

  /** The source-status key of a Git source. */
  public static String gitSource(String sourceId) {
    return "git:" + sourceId;
  }

  /** The source-status key of one watched kind in one cluster. */
  public static String clusterSource(String cluster, String group, String kind) {
    return "cluster:" + cluster + "/" + group + "/" + kind;
  }
}
