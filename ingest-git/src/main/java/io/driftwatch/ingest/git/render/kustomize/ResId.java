package io.driftwatch.ingest.git.render.kustomize;

import io.driftwatch.model.KindScopes;

/**
 * kustomize's identity of an object during a build: group, version, kind, namespace and name. Two
 * ids are equal as kustomize compares them: the empty namespace and {@code default} are one.
 */
record ResId(String group, String version, String kind, String namespace, String name) {

  static ResId of(String apiVersion, String kind, String namespace, String name) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    return new ResId(group, version, kind, namespace == null ? "" : namespace, name);
  }

  boolean clusterScoped() {
    return KindScopes.clusterScoped(group, kind);
  }

  /** The namespace the API server would use: none for cluster-scoped kinds, else default. */
  String effectiveNamespace() {
    if (clusterScoped()) {
      return "";
    }
    return namespace.isEmpty() ? "default" : namespace;
  }

  boolean sameNamespace(ResId other) {
    return effectiveNamespace().equals(other.effectiveNamespace());
  }

  boolean sameGvk(ResId other) {
    return group.equals(other.group) && version.equals(other.version) && kind.equals(other.kind);
  }

  /** kustomize's ResId.Equals: same group, version, kind and name, equivalent namespace. */
  boolean sameAs(ResId other) {
    return sameGvk(other) && name.equals(other.name) && sameNamespace(other);
  }

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  @Override
  public String toString() {
    return kind
        + " "
        + (namespace.isEmpty() ? "" : namespace + "/")
        + name
        + " ("
        + apiVersion()
        + ")";
  }
}
