package io.driftwatch.ingest.git.render.kustomize;

import static io.driftwatch.ingest.git.render.kustomize.TempTree.configMap;
import static io.driftwatch.ingest.git.render.kustomize.TempTree.deployment;
import static io.driftwatch.ingest.git.render.kustomize.TempTree.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftwatch.ingest.git.render.FileSystemSourceTree;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.ingest.git.render.YamlLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Flux Kustomization or an Argo CD Application adds to a build: Flux's patches, images and
 * components merged into the path's kustomization (or applied to the implicit one in kustomize's
 * order), commonMetadata set over every object, and which files the reconciler can see.
 */
class ReconcilerBuildTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir Path dir;
  private TempTree tree;

  @BeforeEach
  void createTree() {
    tree = new TempTree(dir);
  }

  private RenderResult render(String path, String targetNamespace, BuildOptions options)
      throws IOException {
    return new KustomizeRenderer(YamlLimits.DEFAULTS, Optional.ofNullable(targetNamespace), options)
        .render(new FileSystemSourceTree(dir), path);
  }

  private static ObjectNode yaml(String text) {
    try {
      return (ObjectNode) YAML.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BuildOptions options(
      List<String> patches, List<String> images, List<String> components) {
    return new BuildOptions(
        patches.stream().map(ReconcilerBuildTest::yaml).toList(),
        images.stream().map(ReconcilerBuildTest::yaml).toList(),
        components,
        Map.of(),
        Map.of(),
        true,
        List.of());
  }

  private static JsonNode object(RenderResult result, String name) {
    return result.manifests().stream()
        .map(RenderedManifest::manifest)
        .filter(m -> m.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no object " + name + " in " + names(result)));
  }

  @Test
  void fluxPatchesRunAfterTheKustomizationsOwnPatches() throws IOException {
    tree.write(
            "app/kustomization.yaml",
            """
            resources: [web.yaml]
            patches:
              - target: {kind: Deployment}
                patch: |
                  - op: replace
                    path: /spec/template/spec/containers/0/image
                    value: nginx:2.0
            """)
        .write("app/web.yaml", deployment("web"));
    BuildOptions flux =
        options(
            List.of(
                """
                target: {kind: Deployment, name: web}
                patch: |
                  - op: add
                    path: /spec/replicas
                    value: 3
                """,
                """
                patch: |
                  apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: web}
                  spec:
                    template:
                      spec:
                        containers:
                          - name: app
                            image: nginx:3.0
                """),
            List.of(),
            List.of());

    RenderResult result = render("app", null, flux);

    assertThat(result.errors()).isEmpty();
    JsonNode web = object(result, "web");
    assertThat(web.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(web.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("nginx:3.0");
  }

  @Test
  void aFluxImageReplacesTheKustomizationsEntryOfTheSameNameWhole() throws IOException {
    tree.write(
            "app/kustomization.yaml",
            "resources: [web.yaml]\nimages:\n  - {name: nginx, newName: registry/nginx, newTag: '1.5'}\n")
        .write("app/web.yaml", deployment("web"));

    RenderResult result =
        render("app", null, options(List.of(), List.of("{name: nginx, newTag: '9.9'}"), List.of()));

    // The file's newName is gone with its entry, as in kustomize-controller's generator.
    assertThat(object(result, "web").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("nginx:9.9");
  }

  @Test
  void fluxComponentsAreAppliedAfterTheKustomizationsOwnResources() throws IOException {
    tree.write("app/kustomization.yaml", "resources: [web.yaml]\n")
        .write("app/web.yaml", deployment("web"))
        .write(
            "components/extra/kustomization.yaml",
            "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [cm.yaml]\n"
                + "commonLabels: {tier: extra}\n")
        .write("components/extra/cm.yaml", configMap("extra"));

    RenderResult result =
        render("app", null, options(List.of(), List.of(), List.of("../components/extra")));

    assertThat(names(result)).containsExactlyInAnyOrder("web", "extra");
    assertThat(object(result, "web").at("/metadata/labels/tier").asText()).isEqualTo("extra");
  }

  @Test
  void withoutAKustomizationFilePatchesComeBeforeTheTargetNamespaceAndImagesAfter()
      throws IOException {
    tree.write("apps/web.yaml", deployment("web")).write("apps/cm.yaml", configMap("settings"));
    BuildOptions flux =
        options(
            List.of(
                """
                target: {kind: ConfigMap, name: settings}
                patch: |
                  - op: add
                    path: /data/patched
                    value: "yes"
                """,
                // Selects nothing: patches run before the target namespace is set, so an object
                // without a namespace in its file is not in 'prod' yet (as Flux users find).
                """
                target: {kind: ConfigMap, namespace: prod}
                patch: |
                  - op: add
                    path: /data/late
                    value: "yes"
                """),
            List.of("{name: nginx, newTag: '1.27'}"),
            List.of());

    RenderResult result = render("apps", "prod", flux);

    assertThat(result.errors()).isEmpty();
    assertThat(object(result, "settings").at("/data/patched").asText()).isEqualTo("yes");
    assertThat(object(result, "settings").has("data")).isTrue();
    assertThat(object(result, "settings").at("/data/late").isMissingNode()).isTrue();
    assertThat(object(result, "settings").at("/metadata/namespace").asText()).isEqualTo("prod");
    assertThat(object(result, "web").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("nginx:1.27");
  }

  @Test
  void aPatchWithoutAMatchingTargetFailsTheBuildNamingWhereTheFieldsComeFrom() throws IOException {
    tree.write("apps/cm.yaml", configMap("settings"));
    BuildOptions flux =
        options(
            List.of(
                """
                patch: |
                  apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: missing}
                  data: {a: b}
                """),
            List.of(),
            List.of());

    RenderResult result = render("apps", null, flux);

    assertThat(result.failed()).isTrue();
    assertThat(result.errors().get(0).reason())
        .contains("generated: the Flux Kustomization's patches")
        .contains("no object");
  }

  @Test
  void commonMetadataOverridesLabelsAndAnnotationsOfEveryObject() throws IOException {
    tree.write(
        "apps/cm.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {team: old, keep: me}\n");
    BuildOptions metadata =
        new BuildOptions(
            List.of(),
            List.of(),
            List.of(),
            Map.of("team", "platform"),
            Map.of("owner", "sre"),
            true,
            List.of());

    JsonNode cm = object(render("apps", null, metadata), "a");

    assertThat(cm.at("/metadata/labels/team").asText()).isEqualTo("platform");
    assertThat(cm.at("/metadata/labels/keep").asText()).isEqualTo("me");
    assertThat(cm.at("/metadata/annotations/owner").asText()).isEqualTo("sre");
  }

  @Test
  void withoutRecurseOnlyTheFilesDirectlyInThePathAreRead() throws IOException {
    tree.write("apps/top.yaml", configMap("top"))
        .write("apps/nested/deep.yaml", configMap("deep"))
        .write("apps/base/kustomization.yaml", "resources: [b.yaml]\n")
        .write("apps/base/b.yaml", configMap("base"));

    RenderResult topOnly = render("apps", null, BuildOptions.NONE.withRecurse(false));
    RenderResult recursive = render("apps", null, BuildOptions.NONE);

    assertThat(names(topOnly)).containsExactly("top");
    assertThat(names(recursive)).containsExactlyInAnyOrder("top", "deep", "base");
  }

  @Test
  void aReferenceOutOfTheVisibleDirectoriesFailsAsInTheArtifact() throws IOException {
    tree.write("apps/production/kustomization.yaml", "resources: [../base, ../extra]\n")
        .write("apps/base/kustomization.yaml", "resources: [b.yaml]\n")
        .write("apps/base/b.yaml", configMap("base"))
        .write("apps/extra/kustomization.yaml", "resources: [e.yaml]\n")
        .write("apps/extra/e.yaml", configMap("extra"));
    BuildOptions artifact =
        BuildOptions.NONE.withVisibleRoots(List.of("apps/base", "apps/production"));

    RenderResult inArtifact = render("apps/production", null, artifact);
    RenderResult wholeRepository = render("apps/production", null, BuildOptions.NONE);

    assertThat(inArtifact.failed()).isTrue();
    assertThat(inArtifact.errors().get(0).reason()).contains("apps/extra");
    assertThat(names(wholeRepository)).containsExactlyInAnyOrder("base", "extra");
  }
}
