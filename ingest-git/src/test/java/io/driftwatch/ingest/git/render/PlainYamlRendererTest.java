package io.driftwatch.ingest.git.render;

import static io.driftwatch.ingest.git.GitFixture.configMap;
import static io.driftwatch.ingest.git.GitFixture.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.git.GitFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainYamlRendererTest {

  @TempDir Path dir;
  private GitFixture repo;
  private final PlainYamlRenderer renderer = new PlainYamlRenderer();

  @BeforeEach
  void createRepository() {
    repo = GitFixture.create(dir);
  }

  @AfterEach
  void closeRepository() {
    repo.close();
  }

  private RenderResult renderCommit(String path) throws IOException {
    return renderer.render(repo.tree(repo.commit("test")), path);
  }

  private static List<String> names(RenderResult result) {
    return result.manifests().stream()
        .map(m -> m.manifest().path("metadata").path("name").asText())
        .toList();
  }

  @Test
  void rendersEveryDocumentOfMultiDocumentFilesRecursively() throws IOException {
    repo.write(
            "apps/web.yaml",
            "---\n"
                + deployment("web", 2)
                + "---\n# only a comment\n---\n"
                + configMap("web-config", "a"))
        .write("apps/nested/deeper/worker.yml", deployment("worker", 1))
        .write("apps/README.md", "not yaml, not rendered")
        .write("other/ignored.yaml", configMap("outside", "x"));

    RenderResult result = renderCommit("apps");

    assertThat(result.errors()).isEmpty();
    // Git tree order: apps/nested/... sorts before apps/web.yaml.
    assertThat(names(result)).containsExactly("worker", "web", "web-config");
    assertThat(result.manifests().get(0).path()).isEqualTo("apps/nested/deeper/worker.yml");
    assertThat(result.manifests().get(1).manifest().at("/spec/replicas").asInt()).isEqualTo(2);
  }

  @Test
  void rootPathRendersTheWholeRepository() throws IOException {
    repo.write("a.yaml", configMap("a", "1")).write("b/b.yaml", configMap("b", "2"));

    assertThat(names(renderCommit(""))).containsExactly("a", "b");
  }

  @Test
  void badYamlFileIsAnErrorNamingTheFileWhileGoodFilesStillRender() throws IOException {
    repo.write("apps/a-good.yaml", deployment("good", 1))
        .write(
            "apps/broken.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  bad: [1, 2\n")
        .write("apps/z-good.yaml", configMap("also-good", "v"));

    RenderResult result = renderCommit("apps");

    assertThat(names(result)).containsExactly("good", "also-good");
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.path()).isEqualTo("apps/broken.yaml");
              assertThat(error.reason()).startsWith("invalid YAML: ").contains("line 6");
            });
  }

  @Test
  void errorsNeverQuoteTheFileContent() throws IOException {
    repo.write(
        "secret.yaml",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: hunter2-very-secret: oops\n");

    RenderResult result = renderCommit("");

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            error -> assertThat(error.reason()).doesNotContain("hunter2").contains("line 6"));
  }

  @Test
  void billionLaughsFileIsRefusedWithoutExpandingIt() throws IOException {
    StringBuilder laughs =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char prev = (char) (c - 1);
      laughs.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        laughs.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      laughs.append("]\n");
    }
    // Doubling stays under SnakeYAML's alias limit (2 aliases per level) but would expand to 2^40.
    StringBuilder doubling =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\nl0: &l0 [x, x]\n");
    for (int i = 1; i <= 40 / 2; i++) {
      doubling
          .append("l")
          .append(i)
          .append(": &l")
          .append(i)
          .append(" [*l")
          .append(i - 1)
          .append(", *l")
          .append(i - 1)
          .append("]\n");
    }
    repo.write("laughs.yaml", laughs.toString())
        .write("doubling.yaml", doubling.toString())
        .write("fine.yaml", configMap("fine", "ok"));

    long started = System.nanoTime();
    RenderResult result = renderCommit("");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(names(result)).containsExactly("fine");
    assertThat(result.errors())
        .extracting(RenderError::path)
        .containsExactlyInAnyOrder("laughs.yaml", "doubling.yaml");
    assertThat(result.errors())
        .filteredOn(e -> e.path().equals("laughs.yaml"))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("aliases"));
    assertThat(result.errors())
        .filteredOn(e -> e.path().equals("doubling.yaml"))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("expands to more than"));
  }

  @Test
  void deeplyNestedFileIsRefused() throws IOException {
    repo.write("deep.yaml", "a: " + "[".repeat(500) + "]".repeat(500) + "\n")
        .write("fine.yaml", configMap("fine", "ok"));

    RenderResult result = renderCommit("");

    assertThat(names(result)).containsExactly("fine");
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path()).isEqualTo("deep.yaml");
              assertThat(e.reason()).containsIgnoringCase("nesting");
            });
  }

  @Test
  void oversizedFileIsRefusedWithoutBeingParsed() throws IOException {
    PlainYamlRenderer small = new PlainYamlRenderer(new YamlLimits(100, 1000, 50, 100, 1000));
    repo.write("big.yaml", configMap("big", "x".repeat(200)))
        .write("ok.yaml", configMap("ok", "y"));

    RenderResult result = small.render(repo.tree(repo.commit("sizes")), "");

    assertThat(names(result)).containsExactly("ok");
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path()).isEqualTo("big.yaml");
              assertThat(e.reason()).contains("more than the 100 bytes");
            });
  }

  @Test
  void documentMissingRequiredFieldsIsAnErrorWhileOtherDocumentsOfTheFileCount()
      throws IOException {
    repo.write(
        "mixed.yaml",
        configMap("first", "1")
            + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: no-name-\n---\n"
            + configMap("third", "3"));

    RenderResult result = renderCommit("");

    assertThat(names(result)).containsExactly("first", "third");
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path()).isEqualTo("mixed.yaml");
              assertThat(e.reason())
                  .isEqualTo("document 2: not a Kubernetes object: missing metadata.name");
            });
  }

  @Test
  void fileThatIsNotAKubernetesObjectIsAClearError() throws IOException {
    repo.write("values.yaml", "replicaCount: 3\nimage:\n  tag: latest\n")
        .write("list.yaml", "- a\n- b\n");

    RenderResult result = renderCommit("");

    assertThat(result.manifests()).isEmpty();
    assertThat(result.errors())
        .extracting(RenderError::path, RenderError::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "list.yaml", "not a Kubernetes object (the document is a list, not a mapping)"),
            org.assertj.core.groups.Tuple.tuple(
                "values.yaml",
                "not a Kubernetes object: missing apiVersion, kind, metadata.name"
                    + " (is this a values or config file? keep such files outside the source path)"));
  }

  @Test
  void itemsOfAListAreRenderedAsObjects() throws IOException {
    repo.write(
        "list.yaml",
        """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: one}
          - apiVersion: v1
            kind: ConfigMap
            metadata: {namespace: x}
          - apiVersion: v1
            kind: Service
            metadata: {name: two}
        """);

    RenderResult result = renderCommit("");

    assertThat(names(result)).containsExactly("one", "two");
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.reason())
                    .isEqualTo(
                        "item 2 of the List: not a Kubernetes object: missing metadata.name"));
  }

  @Test
  void kustomizeConfigurationIsSkippedButFluxKustomizationsAreObjects() throws IOException {
    repo.write("kustomization.yaml", "resources:\n  - app.yaml\n")
        .write(
            "sub/kustomization.yaml",
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n")
        .write("app.yaml", configMap("app", "1"))
        .write(
            "flux.yaml",
            "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\n");

    RenderResult result = renderCommit("");

    assertThat(result.errors()).isEmpty();
    assertThat(names(result)).containsExactly("app", "apps");
  }

  @Test
  void aliasesMergeKeysAndYaml11ScalarsReadAsKubectlReadsThem() throws IOException {
    repo.write(
        "anchors.yaml",
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: anchors
          labels: &labels
            app: web
            tier: front
          annotations:
            <<: *labels
            extra: "yes"
        data: {}
        spec:
          enabled: yes
          hex: 0x1F
          ratio: 0.5
          stamp: 2001-12-14
          nothing: ~
          copy: *labels
        """);

    RenderResult result = renderCommit("");

    var manifest = result.manifests().get(0).manifest();
    assertThat(manifest.at("/metadata/annotations/app").asText()).isEqualTo("web");
    assertThat(manifest.at("/metadata/annotations/extra").asText()).isEqualTo("yes");
    assertThat(manifest.at("/spec/copy/tier").asText()).isEqualTo("front");
    assertThat(manifest.at("/spec/enabled").isBoolean()).isTrue();
    assertThat(manifest.at("/spec/hex").asInt()).isEqualTo(31);
    assertThat(manifest.at("/spec/ratio").asDouble()).isEqualTo(0.5);
    assertThat(manifest.at("/spec/stamp").asText()).isEqualTo("2001-12-14");
    assertThat(manifest.at("/spec/nothing").isNull()).isTrue();
  }

  @Test
  void duplicateKeyInAMappingIsAnError() throws IOException {
    repo.write("dup.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");

    RenderResult result = renderCommit("");

    assertThat(result.manifests()).isEmpty();
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.reason())
                    .isEqualTo("invalid YAML: duplicate key 'name' at line 5, column 3"));
  }
}
