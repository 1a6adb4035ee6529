package io.driftwatch.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The current rollout state of one workload, or of one component in one environment: the value of
 * the compacted {@code gitops.deployment-status.v1}. A workload's status is keyed {@code
 * workload:<resource key>}, a component's {@code component:<environment>/<project>/<component>}
 * (see {@link #workloadKey} and {@link #componentKey}); a workload that leaves Git, or a component
 * left without workloads, is a tombstone.
 *
 * @param scope whether this is one workload or the rollup of a component's workloads
 * @param resource for {@link Scope#WORKLOAD}, the workload's resource key; null for a component
 * @param environment the environment, from the {@code openchoreo.dev/environment} label or the
 *     cluster → environment mapping; never null
 * @param project the project ({@code openchoreo.dev/project}, else {@code
 *     app.kubernetes.io/part-of}, else the namespace); null for a workload without a component
 * @param component the component ({@code openchoreo.dev/component}, else {@code
 *     app.kubernetes.io/name}); null for a workload without a component, which is not rolled up
 * @param cluster the workload's cluster; for a component, the cluster of all its workloads, or null
 *     when they run in several
 * @param phase where the rollout stands
 * @param health Argo CD's health in its spelling ({@code Healthy}, {@code Progressing}, {@code
 *     Degraded}, ...); for a component the worst of its workloads'
 * @param revision the desired commit sha; for a component the newest among its workloads'
 * @param commitTime the committer time of {@code revision}
 * @param author the author of {@code revision} as Git writes it, or null when not known
 * @param phaseSince when the current phase began
 * @param healthyAt when live became healthy at {@code revision}, or null while it has not
 * @param leadTimeMillis {@code healthyAt − commitTime}, or null when not deployed yet or when the
 *     rollout was not observed (already deployed when driftwatch first saw it)
 * @param updatedAt when this status was computed
 * @param workloads for a component, each workload's status key with its phase; empty for a workload
 * @param message why the phase is what it is (the worst health message, what is awaited); may be
 *     empty
 */
public record DeploymentStatus(
    int schemaVersion,
    Scope scope,
    ResourceKey resource,
    String environment,
    String project,
    String component,
    String cluster,
    DeploymentPhase phase,
    String health,
    String revision,
    Instant commitTime,
    String author,
    Instant phaseSince,
    Instant healthyAt,
    Long leadTimeMillis,
    Instant updatedAt,
    Map<String, DeploymentPhase> workloads,
    String message) {

  public static final int SCHEMA_VERSION = 1;

  /** The key prefix of a workload's status. */
  public static final String WORKLOAD_PREFIX = "workload:";

  /** The key prefix of a component's status. */
  public static final String COMPONENT_PREFIX = "component:";

  public DeploymentStatus {
    workloads =
        workloads == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(workloads));
    message = message == null ? "" : message;
  }

  /** What a status describes. */
  public enum Scope {
    /**
     * One Deployment, StatefulSet, DaemonSet or other object with a health rule, in one cluster.
     */
    WORKLOAD,
    /** Every workload of one component in one environment, worst wins. */
    COMPONENT
  }

  /** The record key of a workload's status: {@code workload:<resource key>}. */
  public static String workloadKey(ResourceKey resource) {
    return WORKLOAD_PREFIX + resource;
  }

  /**
   * The identity of a component in an environment: {@code <environment>/<project>/<component>}, the
   * key of {@code gitops.deployment-events.v1}.
   */
  public static String componentId(String environment, String project, String component) {
    return environment + "/" + project + "/" + component;
  }

  /**
   * The record key of a component's status: {@code component:<environment>/<project>/<component>}.
   */
  public static String componentKey(String environment, String project, String component) {
    return COMPONENT_PREFIX + componentId(environment, project, component);
  }

  /** The record key under which this status is published. */
  public String recordKey() {
    return scope == Scope.WORKLOAD
        ? workloadKey(resource)
        : componentKey(environment, project, component);
  }
}
