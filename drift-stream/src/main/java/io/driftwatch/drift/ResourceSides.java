package io.driftwatch.drift;

import io.driftwatch.model.DesiredState;
import io.driftwatch.model.LiveState;

/**
 * Both sides of one resource after the desired ⟗ live join: what Git declares and what the cluster
 * has, either of which may be absent. Every per-resource stage (drift verdicts, deployment status)
 * starts from this pair, so the join is done once.
 *
 * @param desired the desired state, or null when Git does not declare the resource
 * @param live the live state, or null when the cluster does not have it
 */
public record ResourceSides(DesiredState desired, LiveState live) {

  /** True when neither side is present: the resource is gone from Git and from the cluster. */
  public boolean gone() {
    return (desired == null || desired.manifest() == null)
        && (live == null || live.manifest() == null);
  }
}
