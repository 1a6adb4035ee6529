package io.driftwatch.drift.deploy;

import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.DeploymentEvent;
import io.driftwatch.model.DeploymentStatus;

/**
 * One record the deployment processors emit, routed by type: a status for {@code
 * gitops.deployment-status.v1}, a workload change for the component rollup, a completed deployment
 * for {@code gitops.deployment-events.v1}, or a dead letter.
 */
public sealed interface DeploymentOutput {

  /** A new current status; null is the tombstone of a workload or component that is gone. */
  record StatusChange(DeploymentStatus status) implements DeploymentOutput {}

  /** A workload's status as its component's rollup must see it. */
  record Rollup(WorkloadChange change) implements DeploymentOutput {}

  /** A component reached DEPLOYED or FAILED for a revision. */
  record Completed(DeploymentEvent event) implements DeploymentOutput {}

  /** Input that could not be processed, with the reason. */
  record Rejected(DeadLetter deadLetter) implements DeploymentOutput {}
}
