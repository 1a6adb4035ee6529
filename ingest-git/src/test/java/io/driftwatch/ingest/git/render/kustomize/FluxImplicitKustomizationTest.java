package io.driftwatch.ingest.git.render.kustomize;

import static io.driftwatch.ingest.git.render.kustomize.TempTree.configMap;
import static io.driftwatch.ingest.git.render.kustomize.TempTree.deployment;
import static io.driftwatch.ingest.git.render.kustomize.TempTree.names;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A path without a kustomization file renders as Flux's generated kustomization would. */
class FluxImplicitKustomizationTest {

  @TempDir Path dir;
  private TempTree tree;

  @BeforeEach
  void createTree() {
    tree = new TempTree(dir);
  }

  @Test
  void everyManifestUnderThePathRendersRecursivelyInKustomizeOrder() throws IOException {
    tree.write("apps/z-web.yaml", deployment("web"))
        .write("apps/nested/deeper/config.yml", configMap("config"))
        .write("apps/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n")
        .write("apps/README.md", "not a manifest")
        .write("other/outside.yaml", configMap("outside"));

    RenderResult result = tree.render("apps");

    assertThat(result.failed()).isFalse();
    assertThat(result.errors()).isEmpty();
    assertThat(names(result)).containsExactly("apps", "config", "web");
    assertThat(result.manifests())
        .extracting(RenderedManifest::path)
        .containsExactly("apps/ns.yaml", "apps/nested/deeper/config.yml", "apps/z-web.yaml");
  }

  @Test
  void subdirectoryWithItsOwnKustomizationIsBuiltAsABase() throws IOException {
    tree.write("cluster/plain.yaml", configMap("plain"))
        .write("cluster/app/kustomization.yaml", "namePrefix: app-\nresources:\n- d.yaml\n")
        .write("cluster/app/d.yaml", deployment("web"))
        // Not listed by the base's kustomization: Flux does not read it, neither do we.
        .write("cluster/app/unlisted.yaml", configMap("unlisted"));

    RenderResult result = tree.render("cluster");

    assertThat(names(result)).containsExactly("plain", "app-web");
  }

  @Test
  void badPlainFileIsAnErrorForThatFileWhileTheRestRenders() throws IOException {
    tree.write("apps/good.yaml", configMap("good"))
        .write("apps/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n");

    RenderResult result = tree.render("apps");

    assertThat(result.failed()).isFalse();
    assertThat(names(result)).containsExactly("good");
    assertThat(result.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.path()).isEqualTo("apps/broken.yaml"));
  }

  @Test
  void baseThatFailsToBuildFailsTheWholeSource() throws IOException {
    tree.write("cluster/plain.yaml", configMap("plain"))
        .write("cluster/app/kustomization.yaml", "resources:\n- missing.yaml\n");

    RenderResult result = tree.render("cluster");

    assertThat(result.failed()).isTrue();
    assertThat(result.manifests()).isEmpty();
    assertThat(result.errors().get(0).reason())
        .contains("cluster/app/kustomization.yaml", "missing.yaml");
  }

  @Test
  void targetNamespaceAppliesToNamespacedObjectsOnly() throws IOException {
    tree.write("apps/cm.yaml", configMap("cm"))
        .write(
            "apps/role.yaml",
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n"
                + "  name: reader\n")
        .write("apps/app/kustomization.yaml", "namespace: own\nresources:\n- d.yaml\n")
        .write("apps/app/d.yaml", deployment("web"));

    RenderResult result = tree.render("apps", "team-a");

    assertThat(result.manifests())
        .extracting(m -> m.manifest().at("/metadata/namespace").asText("-"))
        .containsExactly("-", "team-a", "team-a");
  }

  @Test
  void localConfigObjectsAreNotRendered() throws IOException {
    tree.write("apps/cm.yaml", configMap("kept"))
        .write(
            "apps/local.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: local\n  annotations:\n"
                + "    config.kubernetes.io/local-config: \"true\"\n");

    assertThat(names(tree.render("apps"))).containsExactly("kept");
  }
}
