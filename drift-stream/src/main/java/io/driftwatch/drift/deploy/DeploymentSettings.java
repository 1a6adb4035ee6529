package io.driftwatch.drift.deploy;

import java.util.Map;
import java.util.TreeMap;

/**
 * What deployment status needs besides the records: which environment each cluster is, for
 * workloads that do not say so with an {@code openchoreo.dev/environment} label. Whether live is at
 * the desired revision comes from the comparison drift uses ({@link
 * io.driftwatch.drift.ResourceSides#comparison()}), so an ignored field neither drifts nor holds a
 * rollout in PENDING.
 *
 * @param environments cluster name → environment name; a cluster not listed is an environment of
 *     its own name
 */
public record DeploymentSettings(Map<String, String> environments) {

  public DeploymentSettings {
    Map<String, String> checked = new TreeMap<>();
    for (Map.Entry<String, String> entry :
        (environments == null ? Map.<String, String>of() : environments).entrySet()) {
      String cluster = entry.getKey();
      String environment = entry.getValue();
      if (cluster == null || cluster.isBlank()) {
        throw new IllegalArgumentException(
            "deployment.environments: a cluster name is empty; map each cluster name to its"
                + " environment, e.g. prod-eu: production");
      }
      if (environment == null || environment.isBlank() || environment.contains("/")) {
        throw new IllegalArgumentException(
            "deployment.environments."
                + cluster
                + ": the environment must be a non-empty name without '/', was \""
                + environment
                + "\"");
      }
      checked.put(cluster, environment);
    }
    environments = Map.copyOf(checked);
  }

  /** No cluster mapping: each cluster is its own environment. */
  public static DeploymentSettings defaults() {
    return new DeploymentSettings(Map.of());
  }

  /** The environment of a workload in {@code cluster} that carries no environment label. */
  public String environmentOf(String cluster) {
    return environments.getOrDefault(cluster, cluster);
  }
}
