package io.driftwatch.drift.episode;

import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.SyncStatus;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of comparing desired with live for one resource at one moment, before episodes and
 * times are attached. A resource that Git does not manage has no verdict (null).
 *
 * @param desiredCommit the commit the desired side was rendered at
 */
public record Verdict(
    SyncStatus syncStatus, DriftType driftType, List<FieldDiff> diffs, String desiredCommit) {

  public Verdict {
    diffs = diffs == null ? List.of() : List.copyOf(diffs);
  }

  /** True when this verdict is a drift. */
  public boolean drifted() {
    return syncStatus == SyncStatus.OUT_OF_SYNC && driftType != DriftType.NONE;
  }

  /** The JSON Pointers of the differing fields. */
  public Set<String> diffPaths() {
    return diffs.stream().map(FieldDiff::path).collect(Collectors.toSet());
  }
}
