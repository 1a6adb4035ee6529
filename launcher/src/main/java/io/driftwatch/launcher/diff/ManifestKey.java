package io.driftwatch.launcher.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.model.KindScopes;
import io.driftwatch.model.ResourceKey;

/**
 * The identity {@code driftwatch diff} matches desired and live by: a {@link ResourceKey} without
 * the cluster, since both files describe one cluster. Written {@code group/kind/namespace/name},
 * with the core group and a cluster-scoped object's namespace as empty segments ({@code
 * /Service/shop/api}, {@code rbac.authorization.k8s.io/ClusterRole//view}); {@code %} and {@code /}
 * inside a segment are escaped as in {@link ResourceKey}.
 */
public record ManifestKey(String group, String kind, String namespace, String name)
    implements Comparable<ManifestKey> {

  /**
   * The key of a manifest that has {@code apiVersion}, {@code kind} and {@code metadata.name}. A
   * namespaced kind without {@code metadata.namespace} gets {@code defaultNamespace}, as {@code
   * kubectl apply -n} would place it; a cluster-scoped kind ({@link KindScopes}) never has one.
   */
  public static ManifestKey of(JsonNode manifest, String defaultNamespace) {
    String group = ResourceKey.groupOf(manifest.path("apiVersion").asText());
    String kind = manifest.path("kind").asText();
    String namespace = manifest.path("metadata").path("namespace").asText("");
    if (KindScopes.clusterScoped(group, kind)) {
      namespace = "";
    } else if (namespace.isBlank()) {
      namespace = defaultNamespace;
    }
    return new ManifestKey(group, kind, namespace, manifest.path("metadata").path("name").asText());
  }

  @Override
  public String toString() {
    return encode(group) + '/' + encode(kind) + '/' + encode(namespace) + '/' + encode(name);
  }

  @Override
  public int compareTo(ManifestKey other) {
    return toString().compareTo(other.toString());
  }

  private static String encode(String segment) {
    return segment.replace("%", "%25").replace("/", "%2F");
  }
}
