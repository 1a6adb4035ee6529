package io.driftwatch.drift.deploy;

import io.driftwatch.model.DeploymentStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the component store remembers of one component in one environment, keyed {@code
 * <environment>/<project>/<component>}: the current status of each of its workloads, the status
 * last published for the component, and which revisions already produced a deployment event, so
 * that a restart or a repeated status counts nothing twice.
 *
 * @param workloads each workload's status, by its status key ({@code workload:<resource key>})
 * @param status the component status last published (what interactive queries should serve)
 * @param succeededRevision the revision that last reached DEPLOYED, or null
 * @param succeededAt when it did
 * @param succeededLeadTimeMillis its lead time, or null when its rollout was not observed
 * @param failedRevision the revision of the last FAILED event, or null
 * @param failingSince when the component entered FAILED or DEGRADED after its last success, or null
 *     while it has not
 */
public record ComponentDeployment(
    ComponentIdentity identity,
    Map<String, DeploymentStatus> workloads,
    DeploymentStatus status,
    String succeededRevision,
    Instant succeededAt,
    Long succeededLeadTimeMillis,
    String failedRevision,
    Instant failingSince) {

  public ComponentDeployment {
    workloads =
        workloads == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(workloads));
  }
}
