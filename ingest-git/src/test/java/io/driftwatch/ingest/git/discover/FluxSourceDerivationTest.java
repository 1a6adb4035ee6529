package io.driftwatch.ingest.git.discover;

import static io.driftwatch.ingest.git.discover.FleetObjects.fleet;
import static io.driftwatch.ingest.git.discover.FleetObjects.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.driftwatch.ingest.git.GitSourceConfig;
import io.driftwatch.ingest.git.SharedCorpus;
import io.driftwatch.ingest.git.render.RenderError;
import io.driftwatch.ingest.git.render.RenderedManifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sources derived from Flux Kustomizations: on the shared corpus's two fleets as they render, and
 * on hand-written objects for each rule (refs, suspend, remote clusters, unsupported fields).
 */
class FluxSourceDerivationTest {

  private static final String SAMPLE_URL = "https://github.com/openchoreo/sample-gitops";
  private static final String MIRROR = "/srv/mirrors/sample-gitops";

  private static DiscoveredSources discover(
      GitSourceConfig fleet, DiscoveryConfig config, List<RenderedManifest> objects) {
    return SourceDiscovery.discover(fleet, config, objects, Set.of());
  }

  private static DiscoveryConfig flux() {
    return DiscoveryConfig.of(true, false);
  }

  private static DiscoveredSource only(DiscoveredSources found) {
    assertThat(found.sources()).hasSize(1);
    return found.sources().get(0);
  }

  @Test
  void everyKustomizationOfTheOpenChoreoFleetBecomesASourceOfItsGitRepository() {
    Path repository = SharedCorpus.repository("openchoreo-sample-gitops");
    DiscoveryConfig config =
        new DiscoveryConfig(true, false, null, Map.of(SAMPLE_URL, MIRROR), Map.of(), null);

    DiscoveredSources found =
        discover(
            fleet("oc", repository.toString(), "flux"),
            config,
            FleetObjects.rendered(repository, "flux"));

    assertThat(found.problems()).isEmpty();
    assertThat(found.sources())
        .extracting(
            DiscoveredSource::id,
            s -> s.config().path(),
            s -> s.config().targetNamespace(),
            DiscoveredSource::declaredIn)
        .containsExactlyInAnyOrder(
            tuple(
                "oc.flux-system.namespaces",
                "namespaces",
                null,
                "flux/namespaces-kustomization.yaml"),
            tuple(
                "oc.flux-system.oc-demo-platform",
                "namespaces/default/platform",
                "default",
                "flux/oc-demo-platform-kustomization.yaml"),
            tuple(
                "oc.flux-system.oc-demo-projects",
                "namespaces/default/projects",
                "default",
                "flux/oc-demo-projects-kustomization.yaml"),
            tuple(
                "oc.flux-system.platform-shared",
                "platform-shared",
                null,
                "flux/platform-shared-kustomization.yaml"));
    for (DiscoveredSource source : found.sources()) {
      assertThat(source.state()).isEqualTo(DiscoveredSource.State.READY);
      assertThat(source.config().repository()).isEqualTo(MIRROR);
      assertThat(source.config().ref()).isEqualTo("main");
      assertThat(source.config().cluster()).isEqualTo("c1");
      assertThat(source.config().defaultNamespace()).isEqualTo("default");
      // The GitRepository's interval (1m), not the Kustomization's (5m): Flux applies a new
      // revision as soon as the GitRepository has it.
      assertThat(source.config().pollInterval()).isEqualTo(Duration.ofMinutes(1));
      assertThat(source.dependsOn()).containsExactly("flux/gitrepository.yaml");
    }
    assertThat(found.summary()).isEqualTo("declares 4 sources");
  }

  @Test
  void aGitRepositoryNamingTheFleetsOwnUrlIsReadFromTheFleetRepository() {
    Path repository = SharedCorpus.repository("openchoreo-sample-gitops");
    DiscoveryConfig config =
        new DiscoveryConfig(true, false, SAMPLE_URL + ".git", Map.of(), Map.of(), null);

    DiscoveredSources found =
        discover(
            fleet("oc", repository.toString(), "flux"),
            config,
            FleetObjects.rendered(repository, "flux"));

    assertThat(found.sources())
        .extracting(s -> s.config().repository())
        .containsOnly(repository.toString());
  }

  @Test
  void externalArtifactsOfTheHelmExampleMapBackToDirectoriesOfTheFleetRepository() {
    Path repository = SharedCorpus.repository("flux2-kustomize-helm-example");

    DiscoveredSources found =
        discover(
            fleet("prod", repository.toString(), "clusters/production"),
            flux(),
            FleetObjects.rendered(repository, "clusters/production"));

    assertThat(found.problems()).isEmpty();
    assertThat(found.sources())
        .extracting(
            DiscoveredSource::id,
            s -> s.config().path(),
            s -> s.build().visibleRoots(),
            s -> s.build().patches().size())
        .containsExactlyInAnyOrder(
            tuple(
                "prod.flux-system.apps",
                "apps/production",
                List.of("apps/base", "apps/production"),
                0),
            tuple(
                "prod.flux-system.infra-controllers",
                "infrastructure/controllers",
                List.of("infrastructure"),
                0),
            tuple(
                "prod.flux-system.infra-configs",
                "infrastructure/configs",
                List.of("infrastructure"),
                1));
    // The bootstrap GitRepository flux-system is generated, not in the fleet: the fleet's own.
    assertThat(found.sources())
        .extracting(s -> s.config().repository(), s -> s.config().ref())
        .containsOnly(tuple(repository.toString(), "main"));
    assertThat(found.sources())
        .extracting(s -> s.config().pollInterval())
        .containsOnly(Duration.ofSeconds(45));
    assertThat(found.notes()).anyMatch(n -> n.contains("taken as Flux bootstrap's"));
    DiscoveredSource configs =
        found.sources().stream()
            .filter(s -> s.id().endsWith("infra-configs"))
            .findFirst()
            .orElseThrow();
    assertThat(configs.build().patches().get(0).path("target").path("kind").asText())
        .isEqualTo("ClusterIssuer");
    assertThat(configs.dependsOn()).containsExactly("clusters/production/artifacts.yaml");
  }

  private static final String GIT_REPOSITORY =
      """
      apiVersion: source.toolkit.fluxcd.io/v1
      kind: GitRepository
      metadata: {name: apps, namespace: flux-system}
      spec:
        interval: 30s
        url: https://git.example.com/acme/apps.git
      %s
      """;

  private static RenderedManifest gitRepository(String specTail) {
    return object("fleet/sources.yaml", GIT_REPOSITORY.formatted(specTail));
  }

  private static RenderedManifest kustomization(String name, String specTail) {
    return object(
        "fleet/" + name + ".yaml",
        """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata: {name: %s, namespace: flux-system}
        spec:
          interval: 10m
          path: ./deploy
          prune: true
          sourceRef: {kind: GitRepository, name: apps}
        %s
        """
            .formatted(name, specTail));
  }

  private static DiscoveredSources discoverObjects(RenderedManifest... objects) {
    return discover(fleet("f", "/srv/fleet", "fleet"), flux(), List.of(objects));
  }

  @Test
  void aGitRepositoryWithoutARefIsReadAtMasterAsFluxDoes() {
    DiscoveredSource source = only(discoverObjects(gitRepository(""), kustomization("web", "")));

    assertThat(source.config().ref()).isEqualTo("master");
    assertThat(source.config().repository()).isEqualTo("https://git.example.com/acme/apps.git");
    assertThat(source.config().pollInterval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theGitRepositoryRefFollowsFluxPrecedenceCommitNameTagBranch() {
    String sha = "0123456789abcdef0123456789abcdef01234567";
    assertThat(
            only(discoverObjects(
                    gitRepository("  ref: {branch: dev, tag: v1.0, commit: " + sha + "}"),
                    kustomization("web", "")))
                .config()
                .ref())
        .isEqualTo(sha);
    assertThat(
            only(discoverObjects(
                    gitRepository("  ref: {branch: dev, tag: v1.0, name: refs/heads/x}"),
                    kustomization("web", "")))
                .config()
                .ref())
        .isEqualTo("refs/heads/x");
    assertThat(
            only(discoverObjects(
                    gitRepository("  ref: {branch: dev, tag: v1.0}"), kustomization("web", "")))
                .config()
                .ref())
        .isEqualTo("v1.0");
  }

  @Test
  void aSemverRefBlocksTheSourceWithAProblemNamingTheObjectAndTheFix() {
    DiscoveredSources found =
        discoverObjects(gitRepository("  ref: {semver: '>=1.0.0'}"), kustomization("web", ""));

    DiscoveredSource source = only(found);
    assertThat(source.state()).isEqualTo(DiscoveredSource.State.BLOCKED);
    assertThat(source.id()).isEqualTo("f.flux-system.web");
    assertThat(source.message())
        .contains("Kustomization flux-system/web")
        .contains("semver '>=1.0.0'")
        .contains("pin spec.ref.tag or spec.ref.branch")
        .contains("declared in fleet/web.yaml of fleet 'f'");
    assertThat(found.problems()).extracting(RenderError::path).containsExactly("fleet/web.yaml");
  }

  @Test
  void aSuspendedKustomizationIsSuspendedNotRemoved() {
    DiscoveredSources found =
        discoverObjects(gitRepository(""), kustomization("web", "  suspend: true"));

    assertThat(only(found).state()).isEqualTo(DiscoveredSource.State.SUSPENDED);
    assertThat(found.problems()).isEmpty();
    assertThat(found.notes()).singleElement().asString().contains("suspended");
  }

  @Test
  void fieldsDriftwatchDoesNotApplyBlockTheSourceAndAreAllNamed() {
    DiscoveredSource source =
        only(
            discoverObjects(
                gitRepository(""),
                kustomization(
                    "web", "  postBuild: {substitute: {env: prod}}\n  namePrefix: x-\n")));

    assertThat(source.state()).isEqualTo(DiscoveredSource.State.BLOCKED);
    assertThat(source.message())
        .contains("spec.namePrefix, spec.postBuild (variable substitution) are not applied");
  }

  @Test
  void patchesImagesComponentsAndCommonMetadataAreCarriedToTheBuild() {
    DiscoveredSource source =
        only(
            discoverObjects(
                gitRepository(""),
                kustomization(
                    "web",
                    """
                  targetNamespace: web
                  patches:
                    - patch: '[{"op": "add", "path": "/spec/replicas", "value": 2}]'
                      target: {kind: Deployment}
                  images: [{name: nginx, newTag: '1.27'}]
                  components: [../components/tls]
                  commonMetadata:
                    labels: {team: web}
                    annotations: {owner: sre}
                """)));

    assertThat(source.state()).isEqualTo(DiscoveredSource.State.READY);
    assertThat(source.config().targetNamespace()).isEqualTo("web");
    assertThat(source.build().patches()).hasSize(1);
    assertThat(source.build().images()).hasSize(1);
    assertThat(source.build().components()).containsExactly("../components/tls");
    assertThat(source.build().labels()).containsEntry("team", "web");
    assertThat(source.build().annotations()).containsEntry("owner", "sre");
    assertThat(source.build().recurse()).isTrue();
  }

  @Test
  void aRemoteClusterNeedsAMappingAndUsesIt() {
    RenderedManifest remote =
        kustomization("web", "  kubeConfig: {secretRef: {name: prod-eu-kubeconfig}}");

    DiscoveredSource unmapped = only(discoverObjects(gitRepository(""), remote));
    DiscoveredSource mapped =
        only(
            discover(
                fleet("f", "/srv/fleet", "fleet"),
                new DiscoveryConfig(
                    true, false, null, Map.of(), Map.of("prod-eu-kubeconfig", "prod-eu"), null),
                List.of(gitRepository(""), remote)));

    assertThat(unmapped.state()).isEqualTo(DiscoveredSource.State.BLOCKED);
    assertThat(unmapped.message())
        .contains(
            "map 'prod-eu-kubeconfig' to a driftwatch cluster under the fleet's discover.clusters");
    assertThat(mapped.config().cluster()).isEqualTo("prod-eu");
  }

  @Test
  void aMissingGitRepositoryBlocksTheSourceAsAMissingReference() {
    DiscoveredSource source = only(discoverObjects(kustomization("web", "")));

    assertThat(source.state()).isEqualTo(DiscoveredSource.State.BLOCKED);
    assertThat(source.missingReference()).isTrue();
    assertThat(source.message())
        .contains("GitRepository flux-system/apps, which is not in the fleet");
  }

  @Test
  void otherSourceKindsAndPathsOutsideTheRootAreProblems() {
    List<DiscoveredSource> sources =
        new ArrayList<>(
            discoverObjects(
                    gitRepository(""),
                    object(
                        "fleet/oci.yaml",
                        """
                        apiVersion: kustomize.toolkit.fluxcd.io/v1
                        kind: Kustomization
                        metadata: {name: oci, namespace: flux-system}
                        spec: {path: ./, sourceRef: {kind: OCIRepository, name: podinfo}}
                        """),
                    kustomization("escape", "  path: ../outside"))
                .sources());

    assertThat(sources)
        .extracting(DiscoveredSource::id, DiscoveredSource::state)
        .containsExactlyInAnyOrder(
            tuple("f.flux-system.oci", DiscoveredSource.State.BLOCKED),
            tuple("f.flux-system.escape", DiscoveredSource.State.BLOCKED));
    assertThat(sources.get(0).message() + sources.get(1).message())
        .contains("kind 'OCIRepository' is not supported")
        .contains("leaves the source's root");
  }

  @Test
  void anIdThatIsTakenIsAProblemAndNoSource() {
    DiscoveredSources found =
        SourceDiscovery.discover(
            fleet("f", "/srv/fleet", "fleet"),
            flux(),
            List.of(gitRepository(""), kustomization("web", "")),
            Set.of("f.flux-system.web"));

    assertThat(found.sources()).isEmpty();
    assertThat(found.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.reason())
                    .contains("source id 'f.flux-system.web' is the id of a configured source"));
  }

  @Test
  void kustomizationsAreIgnoredWhenOnlyArgoIsDiscovered() {
    DiscoveredSources found =
        SourceDiscovery.discover(
            fleet("f", "/srv/fleet", "fleet"),
            DiscoveryConfig.of(false, true),
            List.of(gitRepository(""), kustomization("web", "")),
            Set.of());

    assertThat(found.sources()).isEmpty();
  }
}
