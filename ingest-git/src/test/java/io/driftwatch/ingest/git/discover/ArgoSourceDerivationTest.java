package io.driftwatch.ingest.git.discover;

import static io.driftwatch.ingest.git.discover.FleetObjects.fleet;
import static io.driftwatch.ingest.git.discover.FleetObjects.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.driftwatch.ingest.git.render.RenderedManifest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sources derived from hand-written Argo CD Applications, one rule per test. */
class ArgoSourceDerivationTest {

  private static final String FLEET_URL = "https://github.com/acme/fleet";

  private static DiscoveredSources discover(DiscoveryConfig config, RenderedManifest... objects) {
    return SourceDiscovery.discover(
        fleet("f", "/srv/fleet", "argo"), config, List.of(objects), Set.of());
  }

  private static DiscoveredSources discover(RenderedManifest... objects) {
    return discover(
        new DiscoveryConfig(
            false, true, FLEET_URL, Map.of(), Map.of("prod-eu", "prod-eu"), "trunk"),
        objects);
  }

  private static RenderedManifest application(String name, String spec) {
    return object(
        "argo/" + name + ".yaml",
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: %s, namespace: argocd}
        spec:
          project: default
        %s
        """
            .formatted(name, spec.indent(2)));
  }

  private static DiscoveredSource only(DiscoveredSources found) {
    assertThat(found.sources()).hasSize(1);
    return found.sources().get(0);
  }

  @Test
  void aDirectoryApplicationInTheFleetsOwnClusterRendersItsPathAtItsRevision() {
    DiscoveredSource source =
        only(
            discover(
                application(
                    "web",
                    """
                    source:
                      repoURL: git@github.com:acme/apps.git
                      path: envs/prod/web
                      targetRevision: v1.4.0
                    destination:
                      server: https://kubernetes.default.svc
                      namespace: web
                    """)));

    assertThat(source.id()).isEqualTo("f.argo.web");
    assertThat(source.object()).isEqualTo("Application argocd/web");
    assertThat(source.config().repository()).isEqualTo("ssh://git@github.com/acme/apps.git");
    assertThat(source.config().path()).isEqualTo("envs/prod/web");
    assertThat(source.config().ref()).isEqualTo("v1.4.0");
    assertThat(source.config().cluster()).isEqualTo("c1");
    // Argo CD puts objects without a namespace in destination.namespace and leaves others alone.
    assertThat(source.config().defaultNamespace()).isEqualTo("web");
    assertThat(source.config().targetNamespace()).isNull();
    // Argo CD reads a plain directory without recursing unless directory.recurse is true.
    assertThat(source.build().recurse()).isFalse();
  }

  @Test
  void headOrNoRevisionIsTheConfiguredDefaultBranchAndTheFleetUrlIsTheFleetRepository() {
    DiscoveredSources found =
        discover(
            application(
                "a",
                "source: {repoURL: 'https://GitHub.com/acme/fleet/', path: apps/a, targetRevision: HEAD}\n"
                    + "destination: {name: in-cluster}\n"),
            application(
                "b",
                "source: {repoURL: 'https://github.com/acme/fleet.git', path: apps/b,"
                    + " directory: {recurse: true}}\n"
                    + "destination: {name: in-cluster, namespace: b}\n"));

    assertThat(found.sources())
        .extracting(
            s -> s.config().repository(),
            s -> s.config().ref(),
            s -> s.config().defaultNamespace(),
            s -> s.build().recurse())
        .containsExactly(
            tuple("/srv/fleet", "trunk", "default", false),
            tuple("/srv/fleet", "trunk", "b", true));
  }

  @Test
  void eachGitSourceOfAMultiSourceApplicationIsASourceAndValuesOnlySourcesAreSkipped() {
    DiscoveredSources found =
        discover(
            application(
                "shop",
                """
                sources:
                  - repoURL: https://github.com/acme/values
                    ref: values
                  - repoURL: https://github.com/acme/shop
                    path: deploy/base
                    targetRevision: main
                  - repoURL: https://github.com/acme/shop-extras
                    path: deploy/extras
                destination: {server: https://kubernetes.default.svc, namespace: shop}
                """));

    assertThat(found.problems()).isEmpty();
    assertThat(found.sources())
        .extracting(DiscoveredSource::id, s -> s.config().repository())
        .containsExactly(
            tuple("f.argo.shop.2", "https://github.com/acme/shop"),
            tuple("f.argo.shop.3", "https://github.com/acme/shop-extras"));
  }

  @Test
  void helmChartsPluginsAndKustomizeOverridesBlockTheSource() {
    DiscoveredSources found =
        discover(
            application(
                "chart",
                "source: {repoURL: 'https://charts.example.com', chart: podinfo, targetRevision: 6.x}\n"
                    + "destination: {name: in-cluster}\n"),
            application(
                "values",
                "source: {repoURL: 'https://github.com/acme/apps', path: charts/web,"
                    + " helm: {valueFiles: [prod.yaml]}}\n"
                    + "destination: {name: in-cluster}\n"),
            application(
                "overrides",
                "source: {repoURL: 'https://github.com/acme/apps', path: k,"
                    + " kustomize: {namePrefix: x-}}\n"
                    + "destination: {name: in-cluster}\n"));

    assertThat(found.sources())
        .extracting(DiscoveredSource::state)
        .containsOnly(DiscoveredSource.State.BLOCKED);
    assertThat(found.problems()).hasSize(3);
    assertThat(found.sources().get(0).message()).contains("spec.source.chart (a Helm chart");
    assertThat(found.sources().get(1).message()).contains("spec.source.helm (Helm rendering)");
    assertThat(found.sources().get(2).message()).contains("Argo CD's kustomize overrides");
  }

  @Test
  void anotherClusterIsMappedOrAProblem() {
    DiscoveredSources found =
        discover(
            application(
                "mapped",
                "source: {repoURL: 'https://github.com/acme/apps', path: a}\n"
                    + "destination: {name: prod-eu}\n"),
            application(
                "unmapped",
                "source: {repoURL: 'https://github.com/acme/apps', path: a}\n"
                    + "destination: {server: 'https://10.0.0.1:6443'}\n"));

    assertThat(found.sources().get(0).config().cluster()).isEqualTo("prod-eu");
    assertThat(found.sources().get(1).state()).isEqualTo(DiscoveredSource.State.BLOCKED);
    assertThat(found.sources().get(1).message())
        .contains("spec.destination 'https://10.0.0.1:6443' is another cluster")
        .contains("discover.clusters");
  }

  @Test
  void anApplicationSetIsANoteNotASource() {
    DiscoveredSources found =
        discover(
            object(
                "argo/set.yaml",
                "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\n"
                    + "metadata: {name: all, namespace: argocd}\nspec: {generators: []}\n"));

    assertThat(found.sources()).isEmpty();
    assertThat(found.notes()).singleElement().asString().contains("not expanded");
  }

  @Test
  void applicationsAreIgnoredWhenOnlyFluxIsDiscovered() {
    DiscoveredSources found =
        discover(
            DiscoveryConfig.of(true, false),
            application(
                "web",
                "source: {repoURL: 'https://github.com/acme/apps', path: a}\n"
                    + "destination: {name: in-cluster}\n"));

    assertThat(found.sources()).isEmpty();
  }
}
