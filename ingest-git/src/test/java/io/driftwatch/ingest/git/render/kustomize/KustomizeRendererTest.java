package io.driftwatch.ingest.git.render.kustomize;

import static io.driftwatch.ingest.git.render.kustomize.TempTree.configMap;
import static io.driftwatch.ingest.git.render.kustomize.TempTree.deployment;
import static io.driftwatch.ingest.git.render.kustomize.TempTree.names;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.git.render.RenderError;
import io.driftwatch.ingest.git.render.RenderResult;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KustomizeRendererTest {

  @TempDir Path dir;
  private TempTree tree;

  @BeforeEach
  void createTree() {
    tree = new TempTree(dir);
  }

  private static RenderError failure(RenderResult result) {
    assertThat(result.failed()).as("the build should fail").isTrue();
    assertThat(result.manifests()).isEmpty();
    assertThat(result.errors()).hasSize(1);
    return result.errors().get(0);
  }

  @Test
  void findsEachRecognisedKustomizationFileName() throws IOException {
    tree.write("a/kustomization.yml", "resources:\n- cm.yaml\n")
        .write("a/cm.yaml", configMap("from-yml"))
        .write("b/Kustomization", "resources:\n- cm.yaml\n")
        .write("b/cm.yaml", configMap("from-capital"));

    assertThat(names(tree.render("a"))).containsExactly("from-yml");
    assertThat(names(tree.render("b"))).containsExactly("from-capital");
  }

  @Test
  void twoKustomizationFilesInOneDirectoryFailTheSource() throws IOException {
    tree.write("app/kustomization.yaml", "resources: []\nnamespace: a\n")
        .write("app/kustomization.yml", "namespace: b\n");

    RenderError error = failure(tree.render("app"));

    assertThat(error.reason()).contains("several kustomization files", "app/kustomization.yml");
  }

  @ParameterizedTest
  @CsvSource({
    "helmCharts, '[{name: x, repo: https://example.com}]', Helm",
    "helmChartInflationGenerator, '[{chartName: x}]', Helm",
    "transformers, '[plugin.yaml]', transformer plugins",
    "generators, '[gen.yaml]', generator plugins",
    "validators, '[v.yaml]', validator plugins",
    "replacements, '[{path: r.yaml}]', replacements",
    "vars, '[{name: X, objref: {kind: ConfigMap, name: a, apiVersion: v1}}]', vars",
    "configurations, '[conf.yaml]', configurations",
    "openapi, '{path: schema.json}', OpenAPI",
    "crds, '[crd.json]', CRD"
  })
  void unsupportedFieldFailsTheSourceNamingTheKustomizationAndTheField(
      String field, String value, String explanation) throws IOException {
    tree.write("app/kustomization.yaml", "resources:\n- cm.yaml\n" + field + ": " + value + "\n")
        .write("app/cm.yaml", configMap("a"));

    RenderError error = failure(tree.render("app"));

    assertThat(error.path()).isEqualTo("app/kustomization.yaml");
    assertThat(error.reason())
        .contains("app/kustomization.yaml", "'" + field + "'", explanation, "not supported");
  }

  @Test
  void anEmptyUnsupportedFieldIsHarmless() throws IOException {
    tree.write("app/kustomization.yaml", "resources:\n- cm.yaml\ntransformers: []\n")
        .write("app/cm.yaml", configMap("a"));

    assertThat(names(tree.render("app"))).containsExactly("a");
  }

  @Test
  void unknownFieldFailsAsInKustomize() throws IOException {
    tree.write("app/kustomization.yaml", "resources:\n- cm.yaml\nnamespaces: typo\n")
        .write("app/cm.yaml", configMap("a"));

    assertThat(failure(tree.render("app")).reason()).contains("unknown field 'namespaces'");
  }

  @ParameterizedTest
  @CsvSource({
    "https://github.com/example/repo//base?ref=v1",
    "github.com/example/repo/base",
    "git@github.com:example/repo.git",
    "ssh://git@example.com/repo.git"
  })
  void remoteResourceFailsTheSourceClearly(String remote) throws IOException {
    tree.write("app/kustomization.yaml", "resources:\n- " + remote + "\n");

    RenderError error = failure(tree.render("app"));

    assertThat(error.reason())
        .contains("app/kustomization.yaml", "resources entry '" + remote + "'", "remote");
  }

  @Test
  void missingResourcePathFailsNamingTheKustomizationAndTheEntry() throws IOException {
    tree.write("base/kustomization.yaml", "resources:\n- deploy.yaml\n- missing.yaml\n")
        .write("base/deploy.yaml", deployment("web"))
        .write("overlay/kustomization.yaml", "resources:\n- ../base\n");

    RenderError error = failure(tree.render("overlay"));

    assertThat(error.reason())
        .contains("base/kustomization.yaml", "resources entry 'missing.yaml'", "does not exist");
  }

  @Test
  void baseDirectoryWithoutKustomizationFails() throws IOException {
    tree.write("overlay/kustomization.yaml", "resources:\n- ../plain\n")
        .write("plain/cm.yaml", configMap("a"));

    RenderError error = failure(tree.render("overlay"));

    assertThat(error.reason())
        .contains("overlay/kustomization.yaml", "'../plain'", "has no kustomization.yaml");
  }

  @Test
  void resourceOutsideTheRepositoryIsRefused() throws IOException {
    tree.write("app/kustomization.yaml", "resources:\n- ../../etc/passwd\n");

    assertThat(failure(tree.render("app")).reason()).contains("outside the repository");
  }

  @Test
  void cyclicBasesAreDetected() throws IOException {
    tree.write("a/kustomization.yaml", "resources:\n- ../b\n")
        .write("b/kustomization.yaml", "resources:\n- ../c\n")
        .write("c/kustomization.yaml", "resources:\n- ../a\n");

    RenderError error = failure(tree.render("a"));

    assertThat(error.reason()).contains("cycle", "a -> b -> c -> a");
  }

  @Test
  void theSameObjectTwiceFailsNamingBothFiles() throws IOException {
    tree.write("app/kustomization.yaml", "resources:\n- one.yaml\n- two.yaml\n")
        .write("app/one.yaml", configMap("same"))
        .write("app/two.yaml", configMap("same"));

    RenderError error = failure(tree.render("app"));

    assertThat(error.reason()).contains("app/one.yaml", "app/two.yaml", "ConfigMap same");
  }

  @Test
  void aBaseIncludedTwiceWithDifferentPrefixesIsTwoSetsOfObjects() throws IOException {
    tree.write("base/kustomization.yaml", "resources:\n- cm.yaml\n")
        .write("base/cm.yaml", configMap("cm"))
        .write("blue/kustomization.yaml", "namePrefix: blue-\nresources:\n- ../base\n")
        .write("green/kustomization.yaml", "namePrefix: green-\nresources:\n- ../base\n")
        .write("all/kustomization.yaml", "resources:\n- ../blue\n- ../green\n");

    assertThat(names(tree.render("all"))).containsExactly("blue-cm", "green-cm");
  }

  @Test
  void componentListedAsResourceFails() throws IOException {
    tree.write(
            "comp/kustomization.yaml",
            "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nnamePrefix: x-\n")
        .write("app/kustomization.yaml", "resources:\n- ../comp\n");

    assertThat(failure(tree.render("app")).reason()).contains("is a Component");
  }

  @Test
  void kustomizationListedAsComponentFails() throws IOException {
    tree.write("notcomp/kustomization.yaml", "namePrefix: x-\n")
        .write("app/kustomization.yaml", "resources:\n- cm.yaml\ncomponents:\n- ../notcomp\n")
        .write("app/cm.yaml", configMap("a"));

    assertThat(failure(tree.render("app")).reason()).contains("not a Component");
  }

  @Test
  void replicasEntryThatMatchesNothingFails() throws IOException {
    tree.write(
            "app/kustomization.yaml", "resources:\n- d.yaml\nreplicas:\n- name: nope\n  count: 2\n")
        .write("app/d.yaml", deployment("web"));

    assertThat(failure(tree.render("app")).reason())
        .contains("app/kustomization.yaml", "replicas", "'nope'", "matches no");
  }

  @Test
  void patchWithoutTargetThatNamesNoObjectFails() throws IOException {
    tree.write(
            "app/kustomization.yaml",
            "resources:\n- d.yaml\npatches:\n- patch: |-\n    apiVersion: apps/v1\n"
                + "    kind: Deployment\n    metadata:\n      name: other\n"
                + "    spec:\n      replicas: 2\n")
        .write("app/d.yaml", deployment("web"));

    RenderError error = failure(tree.render("app"));

    assertThat(error.reason()).contains("patches entry 1", "no object", "Deployment other");
  }

  @Test
  void missingPatchFileFails() throws IOException {
    tree.write("app/kustomization.yaml", "resources:\n- d.yaml\npatches:\n- path: gone.yaml\n")
        .write("app/d.yaml", deployment("web"));

    assertThat(failure(tree.render("app")).reason())
        .contains("patches entry 1", "'gone.yaml'", "does not exist");
  }

  @Test
  void invalidYamlInAResourceFailsNamingTheFileAndTheLine() throws IOException {
    tree.write("app/kustomization.yaml", "resources:\n- bad.yaml\n")
        .write("app/bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n");

    RenderError error = failure(tree.render("app"));

    assertThat(error.path()).isEqualTo("app/bad.yaml");
    assertThat(error.reason()).contains("app/kustomization.yaml", "app/bad.yaml", "line");
  }

  @Test
  void documentThatIsNotAnObjectFailsNamingWhatIsMissing() throws IOException {
    tree.write("app/kustomization.yaml", "resources:\n- values.yaml\n")
        .write("app/values.yaml", "replicas: 3\nimage: nginx\n");

    assertThat(failure(tree.render("app")).reason())
        .contains("app/values.yaml", "missing apiVersion, kind, metadata.name");
  }

  @Test
  void labelValueThatIsNotAStringFailsAsInKustomize() throws IOException {
    tree.write("app/kustomization.yaml", "resources:\n- cm.yaml\ncommonLabels:\n  enabled: true\n")
        .write("app/cm.yaml", configMap("a"));

    assertThat(failure(tree.render("app")).reason()).contains("commonLabels", "'enabled'");
  }

  @Test
  void errorMessagesNeverQuoteFileContent() throws IOException {
    tree.write("app/kustomization.yaml", "resources:\n- secret.yaml\n")
        .write(
            "app/secret.yaml",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n"
                + "  password: \"hunter2\n  other: [\n");

    assertThat(failure(tree.render("app")).reason()).doesNotContain("hunter2");
  }

  @Test
  void targetNamespaceReplacesTheTopKustomizationsNamespace() throws IOException {
    tree.write("app/kustomization.yaml", "namespace: from-file\nresources:\n- cm.yaml\n")
        .write("app/cm.yaml", configMap("a"));

    RenderResult result = tree.render("app", "flux-target");

    assertThat(result.manifests().get(0).manifest().at("/metadata/namespace").asText())
        .isEqualTo("flux-target");
  }

  @Test
  void deprecatedBasesAndImageTagsStillWork() throws IOException {
    tree.write("base/kustomization.yaml", "resources:\n- d.yaml\n")
        .write("base/d.yaml", deployment("web"))
        .write(
            "app/kustomization.yaml",
            "bases:\n- ../base\nimageTags:\n- name: nginx\n  newTag: \"2.0\"\n");

    RenderResult result = tree.render("app");

    assertThat(
            result
                .manifests()
                .get(0)
                .manifest()
                .at("/spec/template/spec/containers/0/image")
                .asText())
        .isEqualTo("nginx:2.0");
  }

  @Test
  void referenceMatchingObjectsRenamedByOtherBasesIsLeftAlone() throws IOException {
    // kubectl kustomize: both "settings" were renamed by prefixes the pod never got, so neither
    // is the pod's; the reference stays as written.
    tree.write("one/kustomization.yaml", "namePrefix: one-\nresources:\n- ../shared\n")
        .write("two/kustomization.yaml", "namePrefix: two-\nresources:\n- ../shared\n")
        .write("shared/kustomization.yaml", "resources:\n- cm.yaml\n")
        .write("shared/cm.yaml", configMap("settings"))
        .write("app/kustomization.yaml", "resources:\n- ../one\n- ../two\n- pod.yaml\n")
        .write(
            "app/pod.yaml",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n"
                + "  - name: v\n    configMap:\n      name: settings\n");

    RenderResult result = tree.render("app");

    assertThat(names(result)).containsExactly("one-settings", "two-settings", "p");
    assertThat(result.manifests().get(2).manifest().at("/spec/volumes/0/configMap/name").asText())
        .isEqualTo("settings");
  }

  @Test
  void referenceFollowsTheObjectWithTheSamePrefixes() throws IOException {
    tree.write("one/kustomization.yaml", "namePrefix: one-\nresources:\n- ../shared\n")
        .write("two/kustomization.yaml", "namePrefix: two-\nresources:\n- ../shared\n")
        .write("shared/kustomization.yaml", "resources:\n- cm.yaml\n- pod.yaml\n")
        .write("shared/cm.yaml", configMap("settings"))
        .write(
            "shared/pod.yaml",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n"
                + "  - name: v\n    configMap:\n      name: settings\n")
        .write("app/kustomization.yaml", "resources:\n- ../one\n- ../two\n");

    RenderResult result = tree.render("app");

    assertThat(result.manifests())
        .filteredOn(m -> m.manifest().path("kind").asText().equals("Pod"))
        .extracting(
            m ->
                m.manifest().at("/metadata/name").asText()
                    + "->"
                    + m.manifest().at("/spec/volumes/0/configMap/name").asText())
        .containsExactly("one-p->one-settings", "two-p->two-settings");
  }

  @Test
  void namePrefixSkipsNamespacesAndApiServicesButNotObjectsInThem() throws IOException {
    // kubectl kustomize v5.5.0: Namespace foo and APIService v1.x.io keep their names.
    tree.write("app/kustomization.yaml", "namePrefix: p-\nresources:\n- r.yaml\n")
        .write(
            "app/r.yaml",
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: foo\n---\n"
                + "apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata:\n"
                + "  name: v1.x.io\n---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: foo\n");

    assertThat(names(tree.render("app"))).containsExactly("foo", "p-c", "v1.x.io");
  }
}
