package io.driftwatch.ingest.git.render.kustomize.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.KubernetesObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the parity corpus to its promise, independently of any renderer: enough cases, each well
 * formed, and together covering every kustomize feature driftwatch claims to render as {@code
 * kubectl kustomize} does (issue 4, item 2), plus the unsupported cases that must fail cleanly.
 */
class ParityCorpusShapeTest {

  /** Feature tokens (see {@link KustomizationFeatures}) that some kustomization must use. */
  private static final List<String> REQUIRED_FEATURES =
      List.of(
          "resources",
          "bases",
          "components",
          "kind=Component",
          "patches:smp-inline+target",
          "patches:smp-inline-target",
          "patches:smp-file",
          "patches:smp+target",
          "patches:smp-target",
          "patches:json6902-inline+target",
          "patches:json6902-file",
          "patches.target.group",
          "patches.target.version",
          "patches.target.kind",
          "patches.target.name",
          "patches.target.namespace",
          "patches.target.labelSelector",
          "patches.target.annotationSelector",
          "patchesStrategicMerge:file",
          "patchesStrategicMerge:inline",
          "patchesJson6902:file",
          "patchesJson6902:inline",
          "images.newName",
          "images.newTag",
          "images.digest",
          "replicas.name",
          "replicas.count",
          "namespace",
          "namePrefix",
          "nameSuffix",
          "commonLabels",
          "labels.pairs",
          "labels.includeSelectors=true",
          "labels.includeSelectors=false",
          "labels.includeTemplates=true",
          "commonAnnotations",
          "configMapGenerator.literals",
          "configMapGenerator.files",
          "configMapGenerator.envs",
          "configMapGenerator.behavior=merge",
          "configMapGenerator.behavior=replace",
          "configMapGenerator.options",
          "secretGenerator.literals",
          "secretGenerator.files",
          "secretGenerator.envs",
          "secretGenerator.type",
          "secretGenerator.behavior=merge",
          "secretGenerator.behavior=replace",
          "secretGenerator.options.disableNameSuffixHash=true",
          "generatorOptions.labels",
          "generatorOptions.annotations",
          "generatorOptions.disableNameSuffixHash=true",
          "helmCharts");

  /** Kinds the rendered corpus must hold, so that the cases look like real repositories. */
  private static final List<String> REALISTIC_KINDS =
      List.of(
          "Deployment",
          "StatefulSet",
          "DaemonSet",
          "CronJob",
          "Service",
          "Ingress",
          "ConfigMap",
          "Secret",
          "ServiceAccount",
          "Role",
          "RoleBinding",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition",
          "HelmRelease",
          "HelmRepository",
          "Namespace");

  static Stream<ParityCase> cases() {
    return ParityCorpus.cases().stream();
  }

  @Test
  void theCorpusHasAtLeastTwentyFiveRenderingCasesAndThreeFailingOnes() {
    assertThat(ParityCorpus.renderingCases().count()).isGreaterThanOrEqualTo(25);
    assertThat(ParityCorpus.failingCases().map(ParityCase::name))
        .contains("error-helm-charts", "error-remote-base", "error-missing-resource");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyCaseNamesAnExistingBuildDirectoryAndOneExpectation(ParityCase parity) {
    assertThat(parity.buildDirectory()).as("%s: build directory", parity.name()).isDirectory();
    assertThat(parity.buildDirectory().normalize().startsWith(parity.root().normalize()))
        .as("%s: the build directory is inside the case", parity.name())
        .isTrue();
    assertThat(parity.description()).as("%s: description", parity.name()).isNotBlank();
    assertThat(Files.exists(parity.expectedFile()) ^ parity.expectsError())
        .as("%s: exactly one of expected.yaml and expected-error.txt", parity.name())
        .isTrue();
    if (!parity.flux()) {
      assertThat(FluxKustomizationFile.hasKustomization(parity.buildDirectory()))
          .as("%s: without flux: true the build directory needs a kustomization", parity.name())
          .isTrue();
    }
    if (parity.targetNamespace().isPresent()) {
      assertThat(parity.flux()).as("%s: targetNamespace is Flux's", parity.name()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyExpectationParsesIntoKubernetesObjectsWithDistinctKeys(ParityCase parity) {
    if (parity.expectsError()) {
      assertThat(parity.expectedError()).as("%s: expected-error.txt", parity.name()).isNotBlank();
      return;
    }
    List<ObjectNode> objects = parity.expectedObjects();
    assertThat(objects).as("%s: expected.yaml", parity.name()).isNotEmpty();
    for (ObjectNode object : objects) {
      assertThat(KubernetesObjects.missingIdentity(object))
          .as("%s: %s", parity.name(), ObjectSets.key(object))
          .isEmpty();
    }
    ObjectSets.byKey(objects, parity.name() + "/expected.yaml");
  }

  @Test
  void theKustomizationsTogetherUseEveryFeatureDriftwatchRenders() {
    Set<String> used = KustomizationFeatures.of(ParityCorpus.ROOT);

    assertThat(REQUIRED_FEATURES.stream().filter(f -> !used.contains(f)).toList())
        .as("features (tokens of KustomizationFeatures) that no case uses")
        .isEmpty();
  }

  @Test
  void fluxPathsWithoutKustomizationAndWithATargetNamespaceAreCovered() {
    List<ParityCase> flux = ParityCorpus.renderingCases().filter(ParityCase::flux).toList();

    assertThat(flux)
        .anySatisfy(
            c -> assertThat(FluxKustomizationFile.hasKustomization(c.buildDirectory())).isFalse())
        .anySatisfy(
            c -> assertThat(FluxKustomizationFile.hasKustomization(c.buildDirectory())).isTrue())
        .anySatisfy(c -> assertThat(c.targetNamespace()).isPresent());
  }

  @Test
  void theFailingCasesAreTheUnsupportedFeaturesAndABrokenReference() {
    ParityCase helm = byName("error-helm-charts");
    assertThat(
            KustomizationFeatures.read(helm.buildDirectory().resolve("kustomization.yaml"))
                .has("helmCharts"))
        .isTrue();

    ParityCase remote = byName("error-remote-base");
    JsonNode resources =
        KustomizationFeatures.read(remote.buildDirectory().resolve("kustomization.yaml"))
            .path("resources");
    assertThat(resources.toString()).contains("https://" + remote.expectedError());

    ParityCase missing = byName("error-missing-resource");
    assertThat(missing.expectedError()).endsWith(".yaml");
    try (Stream<Path> files = Files.walk(missing.root())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("the missing resource really is missing")
          .doesNotContain(missing.expectedError());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theCasesRenderRealisticKindsAndRewriteNameReferences() {
    Set<String> kinds = new TreeSet<>();
    ParityCorpus.renderingCases()
        .flatMap(c -> c.expectedObjects().stream())
        .forEach(o -> kinds.add(o.path("kind").asText()));
    assertThat(kinds).containsAll(REALISTIC_KINDS);

    // name-references: after namePrefix/nameSuffix, every kind of reference points at the new name.
    String rendered = readString(byName("name-references").expectedFile());
    assertThat(rendered)
        .contains("serviceAccountName: canary-checkout-v2")
        .contains("name: canary-checkout-env-v2")
        .contains("name: canary-checkout-credentials-v2")
        .contains("name: canary-registry-pull-v2")
        .contains("claimName: canary-checkout-data-v2")
        .contains("kind: RoleBinding")
        .contains("kind: Ingress");
  }

  private static ParityCase byName(String name) {
    return ParityCorpus.cases().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no case " + name));
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
