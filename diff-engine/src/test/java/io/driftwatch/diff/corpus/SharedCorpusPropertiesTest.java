package io.driftwatch.diff.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftwatch.diff.DiffEngine;
import io.driftwatch.diff.DiffResult;
import io.driftwatch.diff.corpus.ManifestMutations.Leaf;
import io.driftwatch.diff.ignore.IgnoreRules;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.KubernetesObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's properties on manifests it was not written against: every object of the real GitOps
 * repositories in the team's shared corpus ({@code ../shared/corpus}, beside the checkout). Outside
 * CI, a checkout without the corpus skips with that reason; in CI ({@code CI=true}) the corpus must
 * be there.
 */
class SharedCorpusPropertiesTest {

  private static final Path CORPUS = Path.of("..", "..", "shared", "corpus");
  private static final long SEED = Long.getLong("driftwatch.propertySeed", 0x5EEDD1FFL);
  private static final DiffEngine ENGINE = FixtureCase.engine(IgnoreRules.none());

  private static List<ObjectNode> objects;

  @BeforeAll
  static void loadCorpus() {
    boolean present = Files.isDirectory(CORPUS);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          "CI must run with the shared corpus beside the checkout, at "
              + CORPUS.toAbsolutePath().normalize());
    }
    Assumptions.assumeTrue(
        present,
        "no shared corpus at " + CORPUS.toAbsolutePath().normalize() + " (it is there in CI)");
    objects = readObjects(CORPUS);
  }

  @Test
  void theCorpusHoldsRealObjects() {
    assertThat(objects).hasSizeGreaterThan(40);
  }

  @Test
  void everyCorpusObjectIsInSyncWithItsServerDecoratedForm() {
    Random random = new Random(SEED);
    for (ObjectNode desired : objects) {
      ObjectNode live = desired.deepCopy();
      List<String> log = new ArrayList<>();
      ManifestMutations.addLiveOnlyFields(live, random, log);

      DiffResult result = ENGINE.diff(desired, live);

      assertThat(result.type())
          .as("seed %d: %s with live additions %s; result %s", SEED, identity(desired), log, result)
          .isEqualTo(DriftType.NONE);
    }
  }

  @Test
  void aChangedLeafOfACorpusObjectIsReportedAtExactlyThatPath() {
    Random random = new Random(SEED);
    int checked = 0;
    for (ObjectNode desired : objects) {
      List<Leaf> leaves = ManifestMutations.comparedLeaves(desired);
      if (leaves.isEmpty() || ManifestMutations.optedOut(desired)) {
        continue;
      }
      Leaf leaf = leaves.get(random.nextInt(leaves.size()));
      ObjectNode live = desired.deepCopy();
      JsonNode changed = ManifestMutations.changed(leaf.value());
      ManifestMutations.set(live, leaf.pointer(), changed);

      DiffResult result = ENGINE.diff(desired, live);

      String what =
          String.format(
              "seed %d: %s, %s changed from %s to %s; result %s",
              SEED, identity(desired), leaf.pointer(), leaf.value(), changed, result);
      assertThat(result.fields())
          .as(what)
          .extracting(FieldDiff::path)
          .containsExactly(leaf.pointer());
      checked++;
    }
    assertThat(checked).isGreaterThan(40);
  }

  private static String identity(JsonNode object) {
    return object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
  }

  private static List<ObjectNode> readObjects(Path root) {
    YAMLMapper yaml = new YAMLMapper();
    List<ObjectNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (MappingIterator<JsonNode> docs =
            yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
          while (docs.hasNext()) {
            JsonNode doc = docs.next();
            if (doc instanceof ObjectNode object
                && KubernetesObjects.missingIdentity(object).isEmpty()) {
              out.add(object);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the shared corpus under " + root, e);
    }
    return out;
  }
}
