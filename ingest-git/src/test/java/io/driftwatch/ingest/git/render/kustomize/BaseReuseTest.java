package io.driftwatch.ingest.git.render.kustomize;

import static io.driftwatch.ingest.git.render.kustomize.TempTree.configMap;
import static io.driftwatch.ingest.git.render.kustomize.TempTree.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.git.render.FileSystemSourceTree;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A renderer reuses the bases of its previous build whose files did not change: whatever changed
 * between two commits, its second render must be exactly what a fresh renderer makes of the second
 * commit.
 */
class BaseReuseTest {

  @TempDir Path dir;
  private TempTree tree;
  private final KustomizeRenderer renderer = new KustomizeRenderer();

  @BeforeEach
  void threeTenantsOfOneBase() {
    tree = new TempTree(dir);
    tree.write("base/kustomization.yaml", "resources:\n- app.yaml\n- settings.yaml\n")
        .write("base/app.yaml", deployment("app"))
        .write("base/settings.yaml", configMap("settings"));
    for (String team : List.of("a", "b", "c")) {
      tree.write(
              "tenants/" + team + "/kustomization.yaml",
              "namespace: team-"
                  + team
                  + "\nnamePrefix: "
                  + team
                  + "-\nresources:\n- ../../base\n- extra.yaml\n"
                  + "patches:\n- path: patch.yaml\n"
                  + "configMapGenerator:\n- name: flags\n  files:\n  - flags.properties\n")
          .write("tenants/" + team + "/extra.yaml", configMap("extra"))
          .write(
              "tenants/" + team + "/patch.yaml",
              "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n"
                  + "spec:\n  replicas: 1\n")
          .write("tenants/" + team + "/flags.properties", "team=" + team + "\n");
    }
    tree.write(
        "all/kustomization.yaml", "resources:\n- ../tenants/a\n- ../tenants/b\n- ../tenants/c\n");
  }

  @Test
  void aChangedOverlayFileIsRenderedAsAFreshRendererRendersIt() throws IOException {
    RenderResult before = renderer.render(tree(), "tenants");

    tree.write(
        "tenants/b/patch.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: 5\n");
    RenderResult after = renderer.render(tree(), "tenants");

    assertThat(manifests(after)).isEqualTo(manifests(fresh("tenants")));
    assertThat(changedNames(before, after)).containsExactly("b-app");
  }

  @Test
  void aChangedBaseFileReachesEveryOverlay() throws IOException {
    RenderResult before = renderer.render(tree(), "tenants");

    tree.write("base/app.yaml", deployment("app").replace("nginx:1.0", "nginx:2.0"));
    RenderResult after = renderer.render(tree(), "tenants");

    assertThat(manifests(after)).isEqualTo(manifests(fresh("tenants")));
    assertThat(changedNames(before, after)).containsExactly("a-app", "b-app", "c-app");
  }

  @Test
  void aChangedGeneratorFileRenamesItsGeneratedObject() throws IOException {
    RenderResult before = renderer.render(tree(), "tenants");

    tree.write("tenants/c/flags.properties", "team=c\nbeta=true\n");
    RenderResult after = renderer.render(tree(), "tenants");

    assertThat(manifests(after)).isEqualTo(manifests(fresh("tenants")));
    assertThat(names(after)).isNotEqualTo(names(before));
  }

  @Test
  void reusedBasesUnderAKustomizationListingTheOverlaysMatchAFreshRenderer() throws IOException {
    renderer.render(tree(), "all");

    tree.write("tenants/a/extra.yaml", configMap("extra").replace("k: v", "k: changed"));
    RenderResult after = renderer.render(tree(), "all");

    assertThat(after.failed()).isFalse();
    assertThat(manifests(after)).isEqualTo(manifests(fresh("all")));
  }

  @Test
  void aFileThatAppearsWhereTheBuildFoundNoneIsNoticed() throws IOException {
    renderer.render(tree(), "tenants");

    // A second kustomization file in a base is an error: the build must look again.
    tree.write("base/kustomization.yml", "resources:\n- app.yaml\n");
    RenderResult after = renderer.render(tree(), "tenants");

    assertThat(after.failed()).isTrue();
    assertThat(after.errors().get(0).reason()).contains("found several kustomization files");
  }

  @Test
  void aDeletedBaseFailsTheBuildAndTheRepairedCommitRendersAgain() throws IOException {
    RenderResult first = renderer.render(tree(), "all");
    Files.delete(dir.resolve("base/settings.yaml"));

    RenderResult broken = renderer.render(tree(), "all");
    tree.write("base/settings.yaml", configMap("settings"));
    RenderResult repaired = renderer.render(tree(), "all");

    assertThat(broken.failed()).isTrue();
    assertThat(manifests(repaired)).isEqualTo(manifests(first));
  }

  @Test
  void theObjectsOfTwoRendersAreIndependentCopies() throws IOException {
    RenderResult first = renderer.render(tree(), "tenants");
    first.manifests().forEach(m -> m.manifest().put("kind", "Mutated"));

    RenderResult second = renderer.render(tree(), "tenants");

    assertThat(manifests(second)).isEqualTo(manifests(fresh("tenants")));
  }

  private FileSystemSourceTree tree() throws IOException {
    return new FileSystemSourceTree(dir);
  }

  private RenderResult fresh(String path) throws IOException {
    return new KustomizeRenderer().render(tree(), path);
  }

  private static List<String> manifests(RenderResult result) {
    return result.manifests().stream().map(m -> m.path() + " " + m.manifest().toString()).toList();
  }

  private static List<String> names(RenderResult result) {
    return TempTree.names(result);
  }

  private static List<String> changedNames(RenderResult before, RenderResult after) {
    List<RenderedManifest> old = before.manifests();
    List<RenderedManifest> now = after.manifests();
    assertThat(now).hasSameSizeAs(old);
    return java.util.stream.IntStream.range(0, now.size())
        .filter(i -> !old.get(i).equals(now.get(i)))
        .mapToObj(i -> now.get(i).manifest().at("/metadata/name").asText())
        .toList();
  }
}
