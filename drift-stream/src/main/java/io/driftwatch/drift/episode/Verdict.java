package io.driftwatch.drift.episode;

import io.driftwatch.drift.gate.Decision;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.SyncStatus;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The outcome of comparing desired with live for one resource at one moment, before episodes and
 * times are attached. A resource that Git does not manage has no verdict (null).
 *
 * @param desiredCommit the commit the desired side was rendered at, or null when nothing is desired
 * @param reason why the status is PENDING or UNKNOWN, or null
 */
public record Verdict(
    SyncStatus syncStatus,
    DriftType driftType,
    List<FieldDiff> diffs,
    String desiredCommit,
    String reason) {

  public Verdict {
    diffs = diffs == null ? List.of() : List.copyOf(diffs);
  }

  /** A verdict without a reason: SYNCED or OUT_OF_SYNC. */
  public Verdict(
      SyncStatus syncStatus, DriftType driftType, List<FieldDiff> diffs, String desiredCommit) {
    this(syncStatus, driftType, diffs, desiredCommit, null);
  }

  /** True when this verdict is a drift. */
  public boolean drifted() {
    return syncStatus == SyncStatus.OUT_OF_SYNC && driftType != DriftType.NONE;
  }

  /**
   * This drift as the gate withholds it: PENDING or UNKNOWN with the gate's reason. The differing
   * fields stay, so that a pending change can be inspected; the drift type is NONE, as it is for
   * every status that is not OUT_OF_SYNC.
   */
  public Verdict heldAs(Decision decision) {
    return new Verdict(decision.status(), DriftType.NONE, diffs, desiredCommit, decision.reason());
  }

  /** The JSON Pointers of the differing fields, sorted. */
  public Set<String> diffPaths() {
    return diffs.stream().map(FieldDiff::path).collect(Collectors.toCollection(TreeSet::new));
  }
}
