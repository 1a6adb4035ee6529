package io.driftwatch.drift.deploy;

import io.driftwatch.drift.health.HealthStatus;
import io.driftwatch.model.DeploymentPhase;
import io.driftwatch.model.DeploymentStatus;
import io.driftwatch.model.ResourceKey;
import java.time.Instant;
import java.util.Map;

/**
 * What the workload store remembers of one workload: the revision being rolled out, its phase and
 * the times that make the lead time, so that a restart neither republishes a status nor counts a
 * deployment twice.
 *
 * @param identity the component the workload belongs to, or null when it has none
 * @param environment the workload's environment (its identity's, or its cluster's)
 * @param revision the desired commit
 * @param health live's health (Missing when there is no live object)
 * @param healthyAt when live became healthy at {@code revision}, or null
 * @param leadTimeMillis {@code healthyAt − commitTime}, or null when not deployed or when the
 *     rollout was not observed
 * @param liveSeen whether any live observation of the workload has been processed: the first one,
 *     when it already shows the revision healthy and was made before the revision was known, is a
 *     baseline, not a deployment
 * @param message why the phase is what it is
 * @param updatedAt when the status last changed
 */
public record WorkloadDeployment(
    ResourceKey resource,
    ComponentIdentity identity,
    String environment,
    String revision,
    Instant commitTime,
    String author,
    DeploymentPhase phase,
    Instant phaseSince,
    HealthStatus health,
    Instant healthyAt,
    Long leadTimeMillis,
    boolean liveSeen,
    String message,
    Instant updatedAt) {

  /** The status published for this workload. */
  public DeploymentStatus status() {
    return new DeploymentStatus(
        DeploymentStatus.SCHEMA_VERSION,
        DeploymentStatus.Scope.WORKLOAD,
        resource,
        environment,
        identity == null ? null : identity.project(),
        identity == null ? null : identity.component(),
        resource.cluster(),
        phase,
        health.label(),
        revision,
        commitTime,
        author,
        phaseSince,
        healthyAt,
        leadTimeMillis,
        updatedAt,
        Map.of(),
        message);
  }

  /** True when the published status would be the same, whatever the update time. */
  boolean sameStatusAs(WorkloadDeployment other) {
    return other != null && withUpdatedAt(null).status().equals(other.withUpdatedAt(null).status());
  }

  WorkloadDeployment withUpdatedAt(Instant at) {
    return new WorkloadDeployment(
        resource,
        identity,
        environment,
        revision,
        commitTime,
        author,
        phase,
        phaseSince,
        health,
        healthyAt,
        leadTimeMillis,
        liveSeen,
        message,
        at);
  }
}
