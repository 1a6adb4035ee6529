package io.driftwatch.model;

/**
 * Where the rollout of a desired revision stands, for one workload or one component in one
 * environment. Declared from the most advanced to the worst, so that a component's phase is the
 * worst of its workloads' by declaration order (a component is deployed only when every workload
 * is).
 */
public enum DeploymentPhase {
  /** Live is healthy at the desired revision. */
  DEPLOYED,
  /** Live has the desired spec and is on its way to health (a rollout in progress). */
  PROGRESSING,
  /** A new desired revision is not applied to live yet. */
  PENDING,
  /** Deployed at this revision, then became Degraded or Missing. */
  DEGRADED,
  /** The rollout of this revision failed: Degraded before it ever became healthy. */
  FAILED;

  /** True when this phase is worse than {@code other}. */
  public boolean isWorseThan(DeploymentPhase other) {
    return compareTo(other) > 0;
  }
}
