package io.driftwatch.launcher.diff;

import io.driftwatch.model.DriftType;
import java.util.Comparator;
import java.util.List;

/**
 * The verdicts for every resource found in either file, sorted by key, and the exit status they
 * mean (the same as {@code kubectl diff}: 0 in sync, 1 drift, 2 error).
 */
public record DiffReport(List<ResourceDiff> resources) {

  /** Every resource agrees. */
  public static final int EXIT_IN_SYNC = 0;

  /** At least one resource is modified, missing live or extra live. */
  public static final int EXIT_DRIFT = 1;

  /** The inputs could not be compared; nothing was concluded. */
  public static final int EXIT_ERROR = 2;

  public DiffReport {
    resources = resources.stream().sorted(Comparator.comparing(ResourceDiff::key)).toList();
  }

  /** True when no resource drifted. */
  public boolean inSync() {
    return resources.stream().allMatch(r -> r.result().inSync());
  }

  /** How many resources have this verdict. */
  public long count(DriftType type) {
    return resources.stream().filter(r -> r.result().type() == type).count();
  }

  /** {@link #EXIT_IN_SYNC} or {@link #EXIT_DRIFT}. */
  public int exitCode() {
    return inSync() ? EXIT_IN_SYNC : EXIT_DRIFT;
  }

  /** {@code N resources: X in sync, Y drifted, Z missing live, W extra live}. */
  public String summary() {
    return resources.size()
        + (resources.size() == 1 ? " resource: " : " resources: ")
        + count(DriftType.NONE)
        + " in sync, "
        + count(DriftType.MODIFIED)
        + " drifted, "
        + count(DriftType.MISSING_LIVE)
        + " missing live, "
        + count(DriftType.EXTRA_LIVE)
        + " extra live";
  }
}
