package io.driftwatch.drift.episode;

import io.driftwatch.diff.DiffEngine;
import io.driftwatch.diff.DiffResult;
import io.driftwatch.diff.managed.ManagedFields;
import io.driftwatch.drift.RejectedRecordException;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.SyncStatus;
import java.util.List;
import java.util.Objects;

/**
 * Turns the desired and live sides of one resource (either may be absent) into its raw {@link
 * Verdict} through the diff engine, with live's managedFields for attribution. Gating comes after.
 *
 * <ul>
 *   <li>Desired without live is {@code MISSING_LIVE}.
 *   <li>Live without desired is {@code EXTRA_LIVE} only when the object carries a reconciler's
 *       ownership marks and Git declared it before (the episode remembers its source): an object
 *       Git never declared, such as one a HelmRelease that driftwatch does not render created, has
 *       no verdict.
 *   <li>A side that is present but has no manifest (a record of another schema that lost it) is
 *       refused with {@link RejectedRecordException}, never read as absent: only a tombstone says a
 *       resource is gone.
 *   <li>A live stub that ingest-cluster published instead of an object over its size limit cannot
 *       be compared: {@code UNKNOWN}, saying so.
 * </ul>
 */
public final class Verdicts {

  private final DiffEngine engine;

  public Verdicts(DiffEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /**
   * @param remembered what drift-stream remembers of the resource, or null
   * @return the raw verdict, or null when the resource is not judged
   */
  public Verdict of(DesiredState desired, LiveState live, DriftEpisode remembered) {
    if (desired != null && desired.manifest() == null) {
      throw RejectedRecordException.missingManifest(
          "desired", desired.schemaVersion(), DesiredState.SCHEMA_VERSION);
    }
    if (live != null && live.manifest() == null) {
      throw RejectedRecordException.missingManifest(
          "live", live.schemaVersion(), LiveState.SCHEMA_VERSION);
    }
    boolean hasLive = live != null;
    if (desired == null) {
      boolean managedOrphan =
          hasLive
              && live.managedBy() != null
              && remembered != null
              && remembered.gitSource() != null;
      return managedOrphan
          ? new Verdict(SyncStatus.OUT_OF_SYNC, DriftType.EXTRA_LIVE, List.of(), null)
          : null;
    }
    if (!hasLive) {
      return new Verdict(
          SyncStatus.OUT_OF_SYNC, DriftType.MISSING_LIVE, List.of(), desired.commit());
    }
    String truncated = live.truncatedSize();
    if (truncated != null) {
      return new Verdict(
          SyncStatus.UNKNOWN,
          DriftType.NONE,
          List.of(),
          desired.commit(),
          "the live object ("
              + truncated
              + ") is larger than ingestCluster.maxObjectBytes and was published as a stub:"
              + " it cannot be compared; raise the limit to judge it");
    }
    DiffResult result =
        engine.diff(
            desired.manifest(), live.manifest(), ManagedFields.ofEntries(live.managedFields()));
    return switch (result.type()) {
      case NONE -> new Verdict(SyncStatus.SYNCED, DriftType.NONE, List.of(), desired.commit());
      default ->
          new Verdict(SyncStatus.OUT_OF_SYNC, result.type(), result.fields(), desired.commit());
    };
  }
}
