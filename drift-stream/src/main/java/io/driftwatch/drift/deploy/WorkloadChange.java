package io.driftwatch.drift.deploy;

import io.driftwatch.model.DeploymentStatus;

/**
 * What the component rollup learns about one workload, through the repartition topic keyed by
 * {@link ComponentIdentity#id()}: its new status, or that it left the component (it left Git, or
 * its labels now name another component).
 *
 * @param identity the component the change is for
 * @param workloadKey the workload's status key ({@code workload:<resource key>})
 * @param workload the workload's status, or null when it left the component
 */
public record WorkloadChange(
    ComponentIdentity identity, String workloadKey, DeploymentStatus workload) {}
