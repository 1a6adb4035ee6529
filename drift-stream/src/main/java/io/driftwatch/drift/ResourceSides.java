package io.driftwatch.drift;

import io.driftwatch.diff.DiffEngine;
import io.driftwatch.diff.DiffResult;
import io.driftwatch.diff.managed.ManagedFields;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.LiveState;

/**
 * Both sides of one resource after the desired ⟗ live join, and their comparison: what Git declares
 * and what the cluster has, either of which may be absent. Every per-resource stage (drift
 * verdicts, deployment status) starts from this pair, so the join and the diff are done once.
 *
 * @param desired the desired state, or null when Git does not declare the resource
 * @param live the live state, or null when the cluster does not have it
 * @param comparison the diff engine's result, or null when the sides cannot be compared: one is
 *     absent or has no manifest, or live is a truncated stub
 */
public record ResourceSides(DesiredState desired, LiveState live, DiffResult comparison) {

  /** Both sides, compared by {@code engine} when both are there and comparable. */
  public static ResourceSides compare(DesiredState desired, LiveState live, DiffEngine engine) {
    boolean comparable =
        desired != null
            && desired.manifest() != null
            && live != null
            && live.manifest() != null
            && live.truncatedSize() == null;
    DiffResult comparison =
        comparable
            ? engine.diff(
                desired.manifest(), live.manifest(), ManagedFields.ofEntries(live.managedFields()))
            : null;
    return new ResourceSides(desired, live, comparison);
  }
}
