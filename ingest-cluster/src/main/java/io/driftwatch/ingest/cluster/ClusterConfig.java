package io.driftwatch.ingest.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to reach one cluster and what to watch in it.
 *
 * @param name the cluster's name in every resource key, source-status key and metric
 * @param access how to reach and authenticate to the API server
 * @param kinds the kinds always watched
 * @param autoKinds true to also watch every kind the desired state of this cluster holds, and the
 *     reconciler kinds the cluster serves ({@code kinds: auto} in the configuration)
 * @param namespaces the namespaces to watch; empty for all namespaces
 * @param labelSelector a label selector applied to every watch, or null for none
 */
public record ClusterConfig(
    String name,
    ClusterAccess access,
    List<WatchedKind> kinds,
    boolean autoKinds,
    List<String> namespaces,
    String labelSelector) {

  public ClusterConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(access, "access");
    kinds = kinds == null ? List.of() : List.copyOf(kinds);
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
  }

  /**
   * A cluster reached through a kubeconfig (or, with {@code inCluster}, the pod's service account)
   * with an explicit list of kinds.
   *
   * @param kubeconfig the kubeconfig file, or null for fabric8's default
   * @param context the kubeconfig context, or null for the file's current context
   */
  public ClusterConfig(
      String name,
      Path kubeconfig,
      String context,
      boolean inCluster,
      List<WatchedKind> kinds,
      List<String> namespaces,
      String labelSelector) {
    this(
        name,
        inCluster
            ? new ClusterAccess.InCluster()
            : new ClusterAccess.Kubeconfig(kubeconfig, context),
        kinds,
        false,
        namespaces,
        labelSelector);
  }
}
