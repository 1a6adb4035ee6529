package io.driftwatch.ingest.cluster.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.cluster.WatchedKind;
import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import org.junit.jupiter.api.Test;

class ReconcilerKindsTest {

  @Test
  void everyKindTheIssueNamesIsWatchableWithoutDiscovery() {
    assertThat(ReconcilerKinds.watchedKinds())
        .extracting(WatchedKind::toString)
        .containsExactly(
            "kustomize.toolkit.fluxcd.io/v1/Kustomization",
            "helm.toolkit.fluxcd.io/v2/HelmRelease",
            "source.toolkit.fluxcd.io/v1/GitRepository",
            "source.toolkit.fluxcd.io/v1/OCIRepository",
            "source.toolkit.fluxcd.io/v1/HelmRepository",
            "argoproj.io/v1alpha1/Application",
            "openchoreo.dev/v1alpha1/ReleaseBinding",
            "openchoreo.dev/v1alpha1/RenderedRelease");
    assertThat(ReconcilerKinds.watchedKinds())
        .allSatisfy(
            kind -> {
              assertThat(kind.plural()).isNotBlank();
              assertThat(kind.namespaced()).isTrue();
            });
  }

  @Test
  void kindIsFoundByGroupAndKindWhateverTheVersion() {
    assertThat(ReconcilerKinds.find("source.toolkit.fluxcd.io", "OCIRepository"))
        .contains(ReconcilerKinds.FLUX_OCI_REPOSITORY);
    assertThat(ReconcilerKinds.find("argoproj.io", "Application").orElseThrow().tool())
        .isEqualTo(ReconcilerTool.ARGO_CD);
    assertThat(ReconcilerKinds.find("argoproj.io", "ApplicationSet")).isEmpty();
    assertThat(ReconcilerKinds.find("", "ConfigMap")).isEmpty();
  }
}
