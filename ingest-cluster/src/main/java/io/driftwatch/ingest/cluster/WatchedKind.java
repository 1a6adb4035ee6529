package io.driftwatch.ingest.cluster;

import io.driftwatch.model.ResourceKey;
import java.util.Objects;

/**
 * One kind to watch in a cluster, as written in the configuration. {@code plural} and {@code
 * namespaced} may be left null: they are then inferred from fabric8's model classes for built-in
 * kinds, else from the API server's discovery.
 *
 * @param apiVersion such as {@code apps/v1}, {@code v1} or {@code kustomize.toolkit.fluxcd.io/v1}
 * @param kind such as {@code Deployment}
 * @param plural the resource name in URLs (such as {@code deployments}), or null to infer it
 * @param namespaced whether objects of this kind live in a namespace, or null to infer it
 */
public record WatchedKind(String apiVersion, String kind, String plural, Boolean namespaced) {

  public WatchedKind {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
  }

  /** A kind whose plural and scope are inferred. */
  public static WatchedKind of(String apiVersion, String kind) {
    return new WatchedKind(apiVersion, kind, null, null);
  }

  /** The API group: the part of {@code apiVersion} before the slash, empty for the core group. */
  public String group() {
    return ResourceKey.groupOf(apiVersion);
  }

  /** The version: the part of {@code apiVersion} after the slash. */
  public String version() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  @Override
  public String toString() {
    return apiVersion + "/" + kind;
  }
}
