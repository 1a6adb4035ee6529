package io.driftwatch.ingest.cluster.reconcile;

import io.driftwatch.ingest.cluster.WatchedKind;
import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import java.util.List;
import java.util.Optional;

/**
 * Every reconciler kind whose status ingest-cluster normalises, in one place: the watch wiring adds
 * {@link #watchedKinds()} to a cluster's watched kinds, and the publisher asks {@link #find}
 * whether an observed object is a reconciler.
 */
public final class ReconcilerKinds {

  /** Flux's kustomize-controller. */
  public static final ReconcilerKind FLUX_KUSTOMIZATION =
      new ReconcilerKind(
          "kustomize.toolkit.fluxcd.io/v1",
          "Kustomization",
          "kustomizations",
          true,
          ReconcilerTool.FLUX);

  /** Flux's helm-controller. */
  public static final ReconcilerKind FLUX_HELM_RELEASE =
      new ReconcilerKind(
          "helm.toolkit.fluxcd.io/v2", "HelmRelease", "helmreleases", true, ReconcilerTool.FLUX);

  /** Flux's source-controller: Git repositories. */
  public static final ReconcilerKind FLUX_GIT_REPOSITORY =
      new ReconcilerKind(
          "source.toolkit.fluxcd.io/v1",
          "GitRepository",
          "gitrepositories",
          true,
          ReconcilerTool.FLUX);

  /** Flux's source-controller: OCI artifacts (v1 since Flux 2.6). */
  public static final ReconcilerKind FLUX_OCI_REPOSITORY =
      new ReconcilerKind(
          "source.toolkit.fluxcd.io/v1",
          "OCIRepository",
          "ocirepositories",
          true,
          ReconcilerTool.FLUX);

  /** Flux's source-controller: Helm chart repositories. */
  public static final ReconcilerKind FLUX_HELM_REPOSITORY =
      new ReconcilerKind(
          "source.toolkit.fluxcd.io/v1",
          "HelmRepository",
          "helmrepositories",
          true,
          ReconcilerTool.FLUX);

  /** Argo CD's Application. */
  public static final ReconcilerKind ARGO_APPLICATION =
      new ReconcilerKind(
          "argoproj.io/v1alpha1", "Application", "applications", true, ReconcilerTool.ARGO_CD);

  /** OpenChoreo's binding of a component release to an environment. */
  public static final ReconcilerKind OPENCHOREO_RELEASE_BINDING =
      new ReconcilerKind(
          "openchoreo.dev/v1alpha1",
          "ReleaseBinding",
          "releasebindings",
          true,
          ReconcilerTool.OPENCHOREO);

  /** OpenChoreo's rendered resources of one binding, applied to a data plane. */
  public static final ReconcilerKind OPENCHOREO_RENDERED_RELEASE =
      new ReconcilerKind(
          "openchoreo.dev/v1alpha1",
          "RenderedRelease",
          "renderedreleases",
          true,
          ReconcilerTool.OPENCHOREO);

  private static final List<ReconcilerKind> ALL =
      List.of(
          FLUX_KUSTOMIZATION,
          FLUX_HELM_RELEASE,
          FLUX_GIT_REPOSITORY,
          FLUX_OCI_REPOSITORY,
          FLUX_HELM_REPOSITORY,
          ARGO_APPLICATION,
          OPENCHOREO_RELEASE_BINDING,
          OPENCHOREO_RENDERED_RELEASE);

  private ReconcilerKinds() {}

  /** Every supported reconciler kind. */
  public static List<ReconcilerKind> all() {
    return ALL;
  }

  /** Every supported reconciler kind as a watch configuration entry (plural and scope given). */
  public static List<WatchedKind> watchedKinds() {
    return ALL.stream().map(ReconcilerKind::toWatchedKind).toList();
  }

  /** The reconciler kind of this API group and kind, whatever the version; empty when none. */
  public static Optional<ReconcilerKind> find(String group, String kind) {
    for (ReconcilerKind candidate : ALL) {
      if (candidate.group().equals(group) && candidate.kind().equals(kind)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
