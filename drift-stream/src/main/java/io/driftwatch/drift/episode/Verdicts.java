package io.driftwatch.drift.episode;

import io.driftwatch.diff.DiffResult;
import io.driftwatch.drift.RejectedRecordException;
import io.driftwatch.drift.ResourceSides;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.SyncStatus;
import java.util.List;

/**
 * Turns the desired and live sides of one resource (either may be absent) and their comparison into
 * its raw {@link Verdict}. Gating comes after.
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

  private Verdicts() {}

  /**
   * @param remembered what drift-stream remembers of the resource, or null
   * @return the raw verdict, or null when the resource is not judged
   */
  public static Verdict of(ResourceSides sides, DriftEpisode remembered) {
    DesiredState desired = sides.desired();
    LiveState live = sides.live();
    if (desired != null && desired.manifest() == null) {
      throw RejectedRecordException.missingManifest(
          "desired", desired.schemaVersion(), DesiredState.SCHEMA_VERSION);
    }
    if (live != null && live.manifest() == null) {
      throw RejectedRecordException.missingManifest(
          "live", live.schemaVersion(), LiveState.SCHEMA_VERSION);
    }
    if (desired == null) {
      boolean managedOrphan =
          live != null
              && live.managedBy() != null
              && remembered != null
              && remembered.gitSource() != null;
      return managedOrphan
          ? new Verdict(SyncStatus.OUT_OF_SYNC, DriftType.EXTRA_LIVE, List.of(), null)
          : null;
    }
    if (live == null) {
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
    DiffResult result = sides.comparison();
    return switch (result.type()) {
      case NONE -> new Verdict(SyncStatus.SYNCED, DriftType.NONE, List.of(), desired.commit());
      default ->
          new Verdict(SyncStatus.OUT_OF_SYNC, result.type(), result.fields(), desired.commit());
    };
  }
}
