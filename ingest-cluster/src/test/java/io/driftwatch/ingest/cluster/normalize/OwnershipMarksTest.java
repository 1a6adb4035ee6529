package io.driftwatch.ingest.cluster.normalize;

import static io.driftwatch.ingest.cluster.testing.Fixtures.yamlText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.model.ResourceKey;
import org.junit.jupiter.api.Test;

class OwnershipMarksTest {

  private final OwnershipMarks marks = new OwnershipMarks();

  @Test
  void fluxKustomizeLabelsNameTheKustomization() {
    assertThat(
            marks.managedBy(
                "prod",
                yamlText(
                    """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: settings
                      namespace: shop
                      labels:
                        kustomize.toolkit.fluxcd.io/name: apps
                        kustomize.toolkit.fluxcd.io/namespace: flux-system
                    """)))
        .isEqualTo(
            new ResourceKey(
                "prod", "kustomize.toolkit.fluxcd.io", "Kustomization", "flux-system", "apps"));
  }

  @Test
  void fluxHelmLabelsNameTheHelmReleaseNotTheChartsInstanceLabel() {
    assertThat(
            marks.managedBy(
                "prod",
                yamlText(
                    """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: podinfo
                      namespace: podinfo
                      labels:
                        app.kubernetes.io/instance: podinfo
                        app.kubernetes.io/managed-by: Helm
                        helm.toolkit.fluxcd.io/name: podinfo
                        helm.toolkit.fluxcd.io/namespace: podinfo
                      annotations:
                        meta.helm.sh/release-name: podinfo
                        meta.helm.sh/release-namespace: podinfo
                    """)))
        .isEqualTo(
            new ResourceKey("prod", "helm.toolkit.fluxcd.io", "HelmRelease", "podinfo", "podinfo"));
  }

  @Test
  void argoTrackingIdThatNamesThisObjectNamesTheApplicationInArgosNamespace() {
    assertThat(
            marks.managedBy(
                "prod",
                yamlText(
                    """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: guestbook-ui
                      namespace: guestbook
                      annotations:
                        argocd.argoproj.io/tracking-id: guestbook:apps/Deployment:guestbook/guestbook-ui
                    """)))
        .isEqualTo(new ResourceKey("prod", "argoproj.io", "Application", "argocd", "guestbook"));
  }

  @Test
  void applicationOutsideArgosNamespaceIsWrittenNamespaceUnderscoreName() {
    assertThat(
            marks.managedBy(
                "prod",
                yamlText(
                    """
                    apiVersion: v1
                    kind: Service
                    metadata:
                      name: billing
                      namespace: billing
                      annotations:
                        argocd.argoproj.io/tracking-id: team-billing_billing:/Service:billing/billing
                    """)))
        .isEqualTo(
            new ResourceKey("prod", "argoproj.io", "Application", "team-billing", "billing"));
  }

  @Test
  void clusterScopedObjectCarriesTheDestinationNamespaceInItsTrackingId() {
    assertThat(
            marks.managedBy(
                "prod",
                yamlText(
                    """
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: ClusterRole
                    metadata:
                      name: guestbook-reader
                      annotations:
                        argocd.argoproj.io/tracking-id: guestbook:rbac.authorization.k8s.io/ClusterRole:guestbook/guestbook-reader
                    """)))
        .isEqualTo(new ResourceKey("prod", "argoproj.io", "Application", "argocd", "guestbook"));
  }

  @Test
  void trackingIdCopiedOntoAChildIsNotItsMarkAndItsLabelsDoNotCountEither() {
    // The Deployment controller copies annotations onto its ReplicaSets, and template labels too.
    assertThat(
            marks.managedBy(
                "prod",
                yamlText(
                    """
                    apiVersion: apps/v1
                    kind: ReplicaSet
                    metadata:
                      name: guestbook-ui-7d9f8c6b5
                      namespace: guestbook
                      labels:
                        app.kubernetes.io/instance: guestbook
                      annotations:
                        argocd.argoproj.io/tracking-id: guestbook:apps/Deployment:guestbook/guestbook-ui
                      ownerReferences:
                        - apiVersion: apps/v1
                          kind: Deployment
                          name: guestbook-ui
                          uid: 0b6f
                          controller: true
                    """)))
        .isNull();
  }

  @Test
  void trackingIdWinsOverMarksLeftByAnEarlierTool() {
    // Moved from Flux to Argo CD: Flux's labels linger, Argo CD's annotation is current.
    assertThat(
            marks.managedBy(
                "prod",
                yamlText(
                    """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: settings
                      namespace: shop
                      labels:
                        kustomize.toolkit.fluxcd.io/name: apps
                        kustomize.toolkit.fluxcd.io/namespace: flux-system
                      annotations:
                        argocd.argoproj.io/tracking-id: shop:/ConfigMap:shop/settings
                    """)))
        .isEqualTo(new ResourceKey("prod", "argoproj.io", "Application", "argocd", "shop"));
  }

  @Test
  void malformedTrackingIdFallsThroughToTheLabels() {
    assertThat(
            marks.managedBy(
                "prod",
                yamlText(
                    """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: settings
                      namespace: shop
                      labels:
                        kustomize.toolkit.fluxcd.io/name: apps
                        kustomize.toolkit.fluxcd.io/namespace: flux-system
                      annotations:
                        argocd.argoproj.io/tracking-id: not-a-tracking-id
                    """)))
        .isEqualTo(
            new ResourceKey(
                "prod", "kustomize.toolkit.fluxcd.io", "Kustomization", "flux-system", "apps"));
  }

  @Test
  void openChoreoLabelsNameTheRenderedReleaseThatAppliedTheObject() {
    assertThat(
            marks.managedBy(
                "prod",
                yamlText(
                    """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: postgres-development-1a2b3c
                      namespace: dp-default-doclet-development-5f6a
                      labels:
                        openchoreo.dev/managed-by: renderedrelease-controller
                        openchoreo.dev/rendered-release-resource-id: deployment
                        openchoreo.dev/rendered-release-uid: 3f1e
                        openchoreo.dev/rendered-release-name: postgres-development
                        openchoreo.dev/rendered-release-namespace: default
                    """)))
        .isEqualTo(
            new ResourceKey(
                "prod", "openchoreo.dev", "RenderedRelease", "default", "postgres-development"));
  }

  @Test
  void argoInstanceLabelAloneNamesAnApplicationInTheConfiguredNamespace() {
    OwnershipMarks gitops = new OwnershipMarks("gitops");

    assertThat(
            gitops.managedBy(
                "prod",
                yamlText(
                    """
                    apiVersion: v1
                    kind: Service
                    metadata:
                      name: ledger
                      namespace: ledger
                      labels:
                        app.kubernetes.io/instance: ledger
                    """)))
        .isEqualTo(new ResourceKey("prod", "argoproj.io", "Application", "gitops", "ledger"));
  }

  @Test
  void instanceLabelOfAHelmInstallIsNotArgoCds() {
    assertThat(
            marks.managedBy(
                "prod",
                yamlText(
                    """
                    apiVersion: v1
                    kind: Service
                    metadata:
                      name: redis
                      namespace: cache
                      labels:
                        app.kubernetes.io/instance: redis
                        app.kubernetes.io/managed-by: Helm
                      annotations:
                        meta.helm.sh/release-name: redis
                        meta.helm.sh/release-namespace: cache
                    """)))
        .isNull();
  }

  @Test
  void podInheritingTemplateLabelsIsManagedByItsOwnerNotByGit() {
    assertThat(
            marks.managedBy(
                "prod",
                yamlText(
                    """
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: ledger-0
                      namespace: ledger
                      labels:
                        app.kubernetes.io/instance: ledger
                      ownerReferences:
                        - apiVersion: apps/v1
                          kind: StatefulSet
                          name: ledger
                          uid: 9a9a
                          controller: true
                    """)))
        .isNull();
  }

  @Test
  void halfAFluxLabelPairIsNoMark() {
    assertThat(
            marks.managedBy(
                "prod",
                yamlText(
                    """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: settings
                      namespace: shop
                      labels:
                        kustomize.toolkit.fluxcd.io/name: apps
                    """)))
        .isNull();
  }

  @Test
  void objectWithoutMarksIsUnmanaged() {
    assertThat(
            marks.managedBy(
                "prod",
                yamlText("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: b}\n")))
        .isNull();
  }

  @Test
  void blankArgoNamespaceIsRefusedSayingHowToGetTheDefault() {
    assertThatThrownBy(() -> new OwnershipMarks(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leave it unset for 'argocd'");
  }
}
