package io.driftwatch.ingest.cluster.reconcile;

import io.driftwatch.ingest.cluster.WatchedKind;
import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import io.driftwatch.model.ResourceKey;
import java.util.Objects;

/**
 * One kind of GitOps reconciler object that ingest-cluster understands, with what a watch needs to
 * list it without discovery.
 *
 * @param apiVersion the version watched, such as {@code kustomize.toolkit.fluxcd.io/v1}; the
 *     normalisers match on group and kind only, so another served version reads the same
 * @param kind such as {@code Kustomization}
 * @param plural the resource name in URLs, such as {@code kustomizations}
 * @param namespaced whether objects of this kind live in a namespace
 * @param tool the GitOps tool the kind belongs to
 */
public record ReconcilerKind(
    String apiVersion, String kind, String plural, boolean namespaced, ReconcilerTool tool) {

  public ReconcilerKind {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(plural, "plural");
    Objects.requireNonNull(tool, "tool");
  }

  /** The API group, such as {@code kustomize.toolkit.fluxcd.io}. */
  public String group() {
    return ResourceKey.groupOf(apiVersion);
  }

  /** This kind as a watch configuration entry, plural and scope given so no discovery is needed. */
  public WatchedKind toWatchedKind() {
    return new WatchedKind(apiVersion, kind, plural, namespaced);
  }
}
