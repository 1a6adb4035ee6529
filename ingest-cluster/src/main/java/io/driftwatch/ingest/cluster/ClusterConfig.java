package io.driftwatch.ingest.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to reach one cluster and what to watch in it.
 *
 * @param name the cluster's name in every resource key and source-status key
 * @param kubeconfig the kubeconfig file, or null for fabric8's default ({@code KUBECONFIG} or
 *     {@code ~/.kube/config})
 * @param context the kubeconfig context, or null for the file's current context
 * @param inCluster true to use the pod's service account instead of a kubeconfig
 * @param kinds the kinds to watch
 * @param namespaces the namespaces to watch; empty for all namespaces
 * @param labelSelector a label selector applied to every watch, or null for none
 */
public record ClusterConfig(
    String name,
    Path kubeconfig,
    String context,
    boolean inCluster,
    List<WatchedKind> kinds,
    List<String> namespaces,
    String labelSelector) {

  public ClusterConfig {
    Objects.requireNonNull(name, "name");
    kinds = kinds == null ? List.of() : List.copyOf(kinds);
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
  }
}
