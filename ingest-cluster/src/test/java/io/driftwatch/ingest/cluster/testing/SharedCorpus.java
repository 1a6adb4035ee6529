package io.driftwatch.ingest.cluster.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.KubernetesObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The team's shared corpus of real GitOps repositories ({@code ../shared/corpus} beside the
 * checkout). Outside CI a checkout without it skips the calling test with that reason; in CI
 * ({@code CI=true}) it must be there.
 */
public final class SharedCorpus {

  private static final Path ROOT = Path.of("..", "..", "shared", "corpus");

  private SharedCorpus() {}

  /** Every Kubernetes object in the corpus's YAML files, in file order. */
  public static List<ObjectNode> objects() {
    boolean present = Files.isDirectory(ROOT);
    // Tests only: the build's CI marker, the one environment variable the tests read.
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          "CI must run with the shared corpus beside the checkout, at "
              + ROOT.toAbsolutePath().normalize());
    }
    Assumptions.assumeTrue(
        present, "no shared corpus at " + ROOT.toAbsolutePath().normalize() + " (it is in CI)");
    List<ObjectNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (MappingIterator<JsonNode> docs =
            Fixtures.YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
          while (docs.hasNext()) {
            if (docs.next() instanceof ObjectNode object
                && KubernetesObjects.missingIdentity(object).isEmpty()) {
              out.add(object);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the shared corpus under " + ROOT, e);
    }
    return out;
  }
}
