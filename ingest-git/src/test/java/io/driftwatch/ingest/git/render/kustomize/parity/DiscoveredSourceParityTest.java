package io.driftwatch.ingest.git.render.kustomize.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftwatch.ingest.git.GitSourceConfig;
import io.driftwatch.ingest.git.SharedCorpus;
import io.driftwatch.ingest.git.discover.DiscoveredSource;
import io.driftwatch.ingest.git.discover.DiscoveredSources;
import io.driftwatch.ingest.git.discover.DiscoveryConfig;
import io.driftwatch.ingest.git.discover.FleetObjects;
import io.driftwatch.ingest.git.discover.SourceDiscovery;
import io.driftwatch.ingest.git.render.FileSystemSourceTree;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.ingest.git.render.kustomize.BuildOptions;
import io.driftwatch.ingest.git.render.kustomize.KustomizeRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every source discovered from the shared corpus's fleets renders as {@code kubectl kustomize}
 * renders what Flux builds for it: the source's tree as Flux sees it (for an ExternalArtifact, the
 * artifact assembled from the ArtifactGenerator's copies), and the path's kustomization as
 * kustomize-controller rewrites it (targetNamespace, spec.patches, spec.images, spec.components).
 * Outside CI, a missing corpus or kubectl skips with the reason; in CI both are required.
 */
class DiscoveredSourceParityTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  /** Fleet paths of the corpus: repository and the path a fleet source would render. */
  private static final List<String[]> FLEETS =
      List.of(
          new String[] {"openchoreo-sample-gitops", "flux"},
          new String[] {"flux2-kustomize-helm-example", "clusters/production"},
          new String[] {"flux2-kustomize-helm-example", "clusters/staging"});

  @TempDir static Path scratch;

  private static Kubectl kubectl;

  @TestFactory
  Stream<DynamicTest> everyDiscoveredSourceRendersAsFluxBuildsIt() {
    if (!SharedCorpus.present() || Kubectl.find().isEmpty()) {
      return Stream.of(
          DynamicTest.dynamicTest(
              "shared corpus and kubectl",
              () -> {
                SharedCorpus.require();
                Kubectl.requireOnPath();
              }));
    }
    kubectl = Kubectl.requireOnPath();
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] fleet : FLEETS) {
      Path repository = SharedCorpus.repository(fleet[0]);
      GitSourceConfig source = FleetObjects.fleet("f", repository.toString(), fleet[1]);
      List<RenderedManifest> objects = FleetObjects.rendered(repository, fleet[1]);
      DiscoveredSources found =
          SourceDiscovery.discover(source, DiscoveryConfig.of(true, false), objects, Set.of());
      assertThat(found.problems()).as("problems in %s/%s", fleet[0], fleet[1]).isEmpty();
      for (DiscoveredSource child : found.sources()) {
        tests.add(
            DynamicTest.dynamicTest(
                fleet[0] + "/" + fleet[1] + ": " + child.object(),
                () -> matchesKubectl(repository, child, objects)));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(10);
    return tests.stream();
  }

  private static void matchesKubectl(
      Path repository, DiscoveredSource child, List<RenderedManifest> fleetObjects)
      throws IOException {
    assertThat(child.state()).isEqualTo(DiscoveredSource.State.READY);
    GitSourceConfig config = child.config();
    BuildOptions build = child.build();
    Path tree = Files.createTempDirectory(scratch, "flux");
    String pathInTree = fluxTree(repository, child, fleetObjects, tree);
    Path directory = tree.resolve(pathInTree);
    FluxKustomizationFile.prepare(directory, Optional.ofNullable(config.targetNamespace()));
    mergeSpec(directory, build);
    Kubectl.Result oracle = kubectl.kustomize(directory);
    assertThat(oracle.succeeded()).as("kubectl kustomize: %s", oracle.stderr()).isTrue();
    List<ObjectNode> expected =
        ParityCase.objectsOf(oracle.stdout().getBytes(StandardCharsets.UTF_8), child.object());

    RenderResult result =
        new KustomizeRenderer(
                YamlLimits.DEFAULTS, Optional.ofNullable(config.targetNamespace()), build)
            .render(new FileSystemSourceTree(repository), config.path());

    assertThat(result.errors()).isEmpty();
    List<ObjectNode> rendered =
        result.manifests().stream()
            .map(RenderedManifest::manifest)
            .map(ObjectNode::deepCopy)
            .toList();
    assertThat(ObjectSets.differences(expected, rendered)).isEmpty();
  }

  /**
   * Lays out in {@code tree} what Flux reads, independently of the code under test: the whole
   * repository for a GitRepository, or for an ExternalArtifact the ArtifactGenerator's copies (each
   * {@code @alias/<dir>/**} copied to {@code @artifact/<dir>/}, the only form the corpus uses).
   * Returns the Kustomization's path inside that tree.
   */
  private static String fluxTree(
      Path repository, DiscoveredSource child, List<RenderedManifest> fleetObjects, Path tree) {
    ObjectNode kustomization = find(fleetObjects, child.object());
    String path = kustomization.at("/spec/path").asText().replaceFirst("^\\./", "");
    if (!kustomization.at("/spec/sourceRef/kind").asText().equals("ExternalArtifact")) {
      Directories.copy(repository, tree);
      return path;
    }
    String artifact = kustomization.at("/spec/sourceRef/name").asText();
    boolean copied = false;
    for (RenderedManifest object : fleetObjects) {
      if (!object.manifest().path("kind").asText().equals("ArtifactGenerator")) {
        continue;
      }
      for (JsonNode entry : object.manifest().at("/spec/artifacts")) {
        if (!entry.path("name").asText().equals(artifact)) {
          continue;
        }
        for (JsonNode copy : entry.path("copy")) {
          String from = copy.path("from").asText();
          String to = copy.path("to").asText();
          assertThat(from).endsWith("/**");
          String fromDir = from.substring(from.indexOf('/') + 1, from.length() - 3);
          String toDir = to.substring("@artifact/".length());
          Directories.copy(repository.resolve(fromDir), tree.resolve(toDir));
          copied = true;
        }
      }
    }
    assertThat(copied).as("an ArtifactGenerator makes %s", artifact).isTrue();
    return path;
  }

  private static ObjectNode find(List<RenderedManifest> objects, String described) {
    return objects.stream()
        .map(RenderedManifest::manifest)
        .filter(
            o ->
                (o.path("kind").asText()
                        + " "
                        + o.at("/metadata/namespace").asText()
                        + "/"
                        + o.at("/metadata/name").asText())
                    .equals(described))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + described + " in the fleet"));
  }

  /**
   * Writes the Flux Kustomization's fields into the kustomization, as kustomize-controller does.
   */
  private static void mergeSpec(Path directory, BuildOptions build) throws IOException {
    Path file =
        FluxKustomizationFile.KUSTOMIZATION_FILES.stream()
            .map(directory::resolve)
            .filter(Files::isRegularFile)
            .findFirst()
            .orElseThrow();
    ObjectNode kustomization = (ObjectNode) YAML.readTree(file.toFile());
    if (!build.patches().isEmpty()) {
      ArrayNode patches = kustomization.withArrayProperty("patches");
      build.patches().forEach(patches::add);
    }
    if (!build.images().isEmpty()) {
      ArrayNode images = kustomization.withArrayProperty("images");
      build.images().forEach(images::add);
    }
    if (!build.components().isEmpty()) {
      ArrayNode components = kustomization.withArrayProperty("components");
      build.components().forEach(components::add);
    }
    YAML.writeValue(file.toFile(), kustomization);
  }
}
