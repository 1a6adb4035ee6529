package io.driftwatch.ingest.git.render.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.render.BoundedYamlReader;
import io.driftwatch.ingest.git.render.YamlLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixtures under {@code kustomize-patch/}: each directory holds {@code res.yaml} (the target),
 * {@code patch.yaml}, the {@code kustomization.yaml} that applies it, and {@code expected.yaml},
 * the output of {@code kubectl kustomize} (kustomize v5.5.0) on that directory.
 */
final class PatchFixtures {

  private static final BoundedYamlReader YAML = new BoundedYamlReader(YamlLimits.DEFAULTS);

  private PatchFixtures() {}

  static Path root() {
    try {
      return Path.of(PatchFixtures.class.getResource("/kustomize-patch").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<String> names(String prefix) {
    try (Stream<Path> dirs = Files.list(root())) {
      return dirs
          .map(dir -> dir.getFileName().toString())
          .filter(name -> name.startsWith(prefix))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> documents(String fixture, String file) {
    try {
      return YAML.read(Files.readAllBytes(root().resolve(fixture).resolve(file)));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + fixture + "/" + file, e);
    }
  }

  static JsonNode document(String fixture, String file) {
    List<JsonNode> documents = documents(fixture, file);
    if (documents.size() != 1) {
      throw new IllegalStateException(fixture + "/" + file + " must hold one document");
    }
    return documents.get(0);
  }

  static ObjectNode object(String fixture, String file) {
    return (ObjectNode) document(fixture, file);
  }
}
