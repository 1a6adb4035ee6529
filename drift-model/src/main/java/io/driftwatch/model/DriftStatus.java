package io.driftwatch.model;

import java.time.Instant;
import java.util.List;

/**
 * The current verdict for one resource: the value of the compacted {@code gitops.drift-status.v1}.
 * A resource that is neither desired nor live any more is a tombstone.
 *
 * @param driftType {@link DriftType#NONE} unless {@code syncStatus} is {@link
 *     SyncStatus#OUT_OF_SYNC}
 * @param since when the current status (and drift type) began
 * @param desiredCommit the commit of the desired side, or null when nothing is desired
 * @param openedAt when the open drift episode began, or null when none is open; an episode stays
 *     open through a {@link SyncStatus#PENDING} or {@link SyncStatus#UNKNOWN} interlude
 * @param reason why the status is {@link SyncStatus#PENDING} or {@link SyncStatus#UNKNOWN} (which
 *     reconciler or source is awaited), or null
 */
public record DriftStatus(
    int schemaVersion,
    ResourceKey key,
    SyncStatus syncStatus,
    DriftType driftType,
    List<FieldDiff> diffs,
    String desiredCommit,
    Instant since,
    Instant updatedAt,
    Instant openedAt,
    String reason) {

  public static final int SCHEMA_VERSION = 1;

  public DriftStatus {
    diffs = diffs == null ? List.of() : List.copyOf(diffs);
  }

  public static DriftStatus of(
      ResourceKey key,
      SyncStatus syncStatus,
      DriftType driftType,
      List<FieldDiff> diffs,
      String desiredCommit,
      Instant since,
      Instant updatedAt) {
    return of(key, syncStatus, driftType, diffs, desiredCommit, since, updatedAt, null, null);
  }

  public static DriftStatus of(
      ResourceKey key,
      SyncStatus syncStatus,
      DriftType driftType,
      List<FieldDiff> diffs,
      String desiredCommit,
      Instant since,
      Instant updatedAt,
      Instant openedAt,
      String reason) {
    return new DriftStatus(
        SCHEMA_VERSION,
        key,
        syncStatus,
        driftType,
        diffs,
        desiredCommit,
        since,
        updatedAt,
        openedAt,
        reason);
  }

  /** True when this status is an open drift episode. */
  public boolean drifted() {
    return syncStatus == SyncStatus.OUT_OF_SYNC && driftType != DriftType.NONE;
  }
}
