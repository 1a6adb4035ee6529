package io.driftwatch.ingest.git.render.kustomize.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.render.BoundedYamlReader;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.ingest.git.render.YamlReadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The paired fixtures under {@code kustomize-generate/<case>/}: a kustomization with its input
 * files, and {@code expected.yaml}, the output of {@code kubectl kustomize} (v5.5.0) on that
 * directory.
 */
final class GeneratorFixtures {

  private static final BoundedYamlReader YAML = new BoundedYamlReader(YamlLimits.DEFAULTS);

  private GeneratorFixtures() {}

  static Path root() {
    try {
      return Path.of(
          Objects.requireNonNull(GeneratorFixtures.class.getResource("/kustomize-generate"))
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(root())) {
      return dirs
          .filter(Files::isDirectory)
          .map(dir -> dir.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  static List<JsonNode> readYaml(Path file) {
    try {
      return YAML.read(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (YamlReadException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
  }

  /** Reads files relative to a directory, refusing paths that leave it (as kustomize does). */
  static FileSource directory(Path dir) {
    return relative -> {
      Path file = dir.resolve(relative).normalize();
      if (!file.startsWith(dir)) {
        throw new IOException("'" + relative + "' is outside the kustomization directory");
      }
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(relative, null, "not a file");
      }
      return Files.readAllBytes(file);
    };
  }

  /** What this implementation renders for a case: the generated objects with their final names. */
  static List<ObjectNode> render(Path dir) throws GeneratorException {
    JsonNode kustomization = readYaml(dir.resolve("kustomization.yaml")).get(0);
    List<ObjectNode> objects = new ArrayList<>();
    for (Generated generated : ResourceGenerators.generate(kustomization, directory(dir))) {
      ObjectNode object = generated.object().deepCopy();
      if (generated.hashSuffix()) {
        ObjectNode metadata = (ObjectNode) object.get("metadata");
        metadata.put(
            "name",
            metadata.get("name").asText()
                + "-"
                + ResourceGenerators.hashSuffix(generated.object()));
      }
      objects.add(object);
    }
    return sortedAsKubectlPrints(objects);
  }

  static List<ObjectNode> expected(Path dir) {
    List<ObjectNode> objects = new ArrayList<>();
    for (JsonNode document : readYaml(dir.resolve("expected.yaml"))) {
      objects.add((ObjectNode) document);
    }
    return sortedAsKubectlPrints(objects);
  }

  /** kubectl prints ConfigMaps before Secrets, each by namespace then name. */
  static List<ObjectNode> sortedAsKubectlPrints(List<ObjectNode> objects) {
    return objects.stream()
        .sorted(
            Comparator.<ObjectNode, String>comparing(o -> o.path("kind").asText())
                .thenComparing(o -> o.path("metadata").path("namespace").asText())
                .thenComparing(o -> o.path("metadata").path("name").asText()))
        .toList();
  }
}
