package io.driftwatch.ingest.git.render.kustomize.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.SharedCorpus;
import io.driftwatch.ingest.git.render.FileSystemSourceTree;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.ingest.git.render.kustomize.KustomizeRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity on repositories the renderer was not written against: the team's shared corpus ({@code
 * ../shared/corpus} beside the checkout, two public GitOps repositories). Every directory holding a
 * kustomization file is rendered in-process and by {@code kubectl kustomize} live, and so is every
 * path a Flux {@code Kustomization} in the corpus points at inside its own repository (Flux's
 * rules: an implicit kustomization when there is none, and the target namespace). A kustomization
 * that names a remote base is not compared (kubectl would fetch it over the network, driftwatch
 * refuses it); it must fail cleanly instead. Outside CI, a missing corpus or kubectl skips with the
 * reason; in CI both are required.
 */
class SharedCorpusParityTest {

  private static final Path CORPUS = SharedCorpus.ROOT;

  private static Kubectl kubectl;

  @TempDir static Path scratch;

  private static void requireCorpusAndKubectl() {
    SharedCorpus.require();
    kubectl = Kubectl.requireOnPath();
  }

  /** One directory of a corpus repository to render, and how. */
  record Source(
      Path repository, String path, boolean flux, Optional<String> targetNamespace, String origin) {
    String name() {
      return repository.getFileName() + "/" + path + (flux ? " (Flux: " + origin + ")" : "");
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusSourceRendersAsKubectlKustomizeDoes(TestReporter reporter) {
    if (!Files.isDirectory(CORPUS) || Kubectl.find().isEmpty()) {
      // One test that skips with the reason (or fails in CI): surefire does not report a skipped
      // factory, nor why.
      return Stream.of(
          DynamicTest.dynamicTest(
              "shared corpus", SharedCorpusParityTest::requireCorpusAndKubectl));
    }
    requireCorpusAndKubectl();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path repository : repositories()) {
      for (Source source : sources(repository, reporter)) {
        Optional<String> remote = remoteEntry(source);
        tests.add(
            DynamicTest.dynamicTest(
                source.name(),
                remote.isPresent()
                    ? () -> failsCleanly(source, remote.get(), reporter)
                    : () -> matchesKubectl(source)));
      }
    }
    assertThat(tests).as("sources found in %s", CORPUS.toAbsolutePath().normalize()).isNotEmpty();
    return tests.stream();
  }

  private static void matchesKubectl(Source source) throws IOException {
    // The oracle first: a source kubectl cannot build is a finding about the corpus, not a
    // renderer bug.
    Path copy = Files.createTempDirectory(scratch, "corpus");
    Directories.copy(source.repository(), copy);
    Path build = copy.resolve(source.path());
    if (source.flux()) {
      FluxKustomizationFile.prepare(build, source.targetNamespace());
    }
    Kubectl.Result oracle = kubectl.kustomize(build);
    assertThat(oracle.succeeded())
        .as("%s: kubectl kustomize failed (%s)", source.name(), oracle.stderr())
        .isTrue();
    List<ObjectNode> expected =
        ParityCase.objectsOf(oracle.stdout().getBytes(StandardCharsets.UTF_8), source.name());

    RenderResult result =
        new KustomizeRenderer()
            .render(new FileSystemSourceTree(source.repository()), source.path());

    assertThat(result.errors()).as("%s: render errors", source.name()).isEmpty();
    List<ObjectNode> rendered =
        result.manifests().stream()
            .map(RenderedManifest::manifest)
            .map(ObjectNode::deepCopy)
            .toList();
    source.targetNamespace().ifPresent(ns -> rendered.forEach(o -> TargetNamespace.apply(o, ns)));
    assertThat(ObjectSets.differences(expected, rendered))
        .as("%s: differences from kubectl kustomize", source.name())
        .isEmpty();
  }

  private static void failsCleanly(Source source, String remote, TestReporter reporter)
      throws IOException {
    Notes.publish(
        reporter,
        source.name(),
        "excluded from the kubectl comparison: names the remote base "
            + remote
            + ", which kubectl would fetch over the network and driftwatch does not support");
    RenderResult result =
        new KustomizeRenderer()
            .render(new FileSystemSourceTree(source.repository()), source.path());
    assertThat(result.errors()).as("%s: an error for the remote base", source.name()).isNotEmpty();
    assertThat(result.manifests()).as("%s: nothing rendered", source.name()).isEmpty();
  }

  private static List<Path> repositories() {
    try (Stream<Path> entries = Files.list(CORPUS)) {
      return entries.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The kustomization directories of a repository, then the paths its Flux Kustomizations render
   * from this repository (a Flux Kustomization whose source is not a GitRepository, such as an OCI
   * or external artifact, renders another tree: reported and left out).
   */
  private static List<Source> sources(Path repository, TestReporter reporter) {
    List<Source> sources = new ArrayList<>();
    for (Path file : KustomizationFeatures.kustomizationFiles(repository)) {
      sources.add(
          new Source(
              repository, relative(repository, file.getParent()), false, Optional.empty(), ""));
    }
    for (ObjectNode flux : fluxKustomizations(repository)) {
      JsonNode spec = flux.path("spec");
      String origin = "Kustomization " + flux.path("metadata").path("name").asText();
      String sourceKind = spec.path("sourceRef").path("kind").asText();
      String path = spec.path("path").asText("./").replaceFirst("^\\./", "").replaceFirst("/$", "");
      if (!"GitRepository".equals(sourceKind)) {
        Notes.publish(
            reporter,
            repository.getFileName() + " " + origin,
            "left out: its source is the "
                + sourceKind
                + " "
                + spec.path("sourceRef").path("name").asText()
                + ", not this repository's tree");
        continue;
      }
      if (!Files.isDirectory(repository.resolve(path))) {
        Notes.publish(
            reporter,
            repository.getFileName() + " " + origin,
            "left out: its path " + path + " is not in this repository");
        continue;
      }
      Optional<String> targetNamespace =
          spec.hasNonNull("targetNamespace")
              ? Optional.of(spec.get("targetNamespace").asText())
              : Optional.empty();
      boolean sameAsPlain =
          FluxKustomizationFile.hasKustomization(repository.resolve(path))
              && targetNamespace.isEmpty();
      if (!sameAsPlain) {
        sources.add(new Source(repository, path, true, targetNamespace, origin));
      }
    }
    return sources;
  }

  private static List<ObjectNode> fluxKustomizations(Path repository) {
    List<ObjectNode> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(repository)) {
      for (Path file :
          walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList()) {
        for (ObjectNode object : ParityCase.objectsOf(file)) {
          if (object.path("apiVersion").asText().startsWith("kustomize.toolkit.fluxcd.io/")
              && object.path("kind").asText().equals("Kustomization")) {
            out.add(object);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The first resources, bases or components entry of the source's kustomization that is remote.
   */
  private static Optional<String> remoteEntry(Source source) {
    Path directory = source.repository().resolve(source.path());
    return FluxKustomizationFile.KUSTOMIZATION_FILES.stream()
        .map(directory::resolve)
        .filter(Files::isRegularFile)
        .findFirst()
        .flatMap(
            file -> {
              JsonNode kustomization = KustomizationFeatures.read(file);
              return Stream.of("resources", "bases", "components")
                  .flatMap(field -> stream(kustomization.path(field)))
                  .map(JsonNode::asText)
                  .filter(SharedCorpusParityTest::isRemote)
                  .findFirst();
            });
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }

  static boolean isRemote(String entry) {
    return entry.contains("://")
        || entry.startsWith("git@")
        || entry.startsWith("github.com/")
        || entry.startsWith("gitlab.com/");
  }

  private static String relative(Path repository, Path directory) {
    return repository.relativize(directory).toString().replace('\\', '/');
  }
}
