package io.driftwatch.diff.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.DiffEngine;
import io.driftwatch.diff.DiffResult;
import io.driftwatch.diff.corpus.ManifestMutations.Leaf;
import io.driftwatch.diff.ignore.IgnoreRules;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of the engine derived from the fixtures: nothing drifts from itself, from its own
 * defaulted form or from a reordering of its list-maps, and a single changed leaf is reported at
 * exactly its path. Random but reproducible: the seed is in every failure message and can be set
 * with {@code -Ddriftwatch.propertySeed=<n>}.
 */
class EnginePropertiesTest {

  private static final long SEED = Long.getLong("driftwatch.propertySeed", 0x5EED_D1FFL);
  private static final int ITERATIONS = 400;

  private static List<FixtureCase> fixtures;
  private static final DiffEngine ENGINE = FixtureCase.engine(IgnoreRules.none());

  @BeforeAll
  static void loadFixtures() {
    fixtures = FixtureCase.all();
  }

  @Test
  void everyLiveObjectIsInSyncWithItself() {
    for (FixtureCase c : fixtures) {
      if (c.live() != null) {
        assertInSync(
            c.live().deepCopy(), c.live().deepCopy(), "live of " + c.name() + " vs itself");
      }
    }
  }

  @Test
  void everyDesiredManifestIsInSyncWithItsDeepCopy() {
    for (FixtureCase c : fixtures) {
      if (c.desired() != null) {
        assertInSync(c.desired(), c.desired().deepCopy(), "desired of " + c.name() + " vs a copy");
      }
    }
  }

  @Test
  void manifestNeverDriftsFromItsDefaultedForm() {
    List<FixtureCase> withDesired = fixtures.stream().filter(c -> c.desired() != null).toList();
    Random random = new Random(SEED);
    for (int i = 0; i < ITERATIONS; i++) {
      FixtureCase c = withDesired.get(random.nextInt(withDesired.size()));
      ObjectNode live = c.desired().deepCopy();
      List<String> log = new ArrayList<>();
      ManifestMutations.addLiveOnlyFields(live, random, log);
      assertInSync(
          c.desired(),
          live,
          String.format("seed %d, iteration %d: desired of %s with %s", SEED, i, c.name(), log));
    }
  }

  @Test
  void singleLeafChangeIsReportedAtExactlyThatPath() {
    List<FixtureCase> eligible =
        fixtures.stream()
            .filter(c -> c.desired() != null && !ManifestMutations.optedOut(c.desired()))
            .filter(c -> !ManifestMutations.comparedLeaves(c.desired()).isEmpty())
            .toList();
    assertThat(eligible).hasSizeGreaterThan(50);
    Random random = new Random(SEED);
    for (int i = 0; i < ITERATIONS; i++) {
      FixtureCase c = eligible.get(random.nextInt(eligible.size()));
      List<Leaf> leaves = ManifestMutations.comparedLeaves(c.desired());
      Leaf leaf = leaves.get(random.nextInt(leaves.size()));
      ObjectNode live = c.desired().deepCopy();
      List<String> log = new ArrayList<>();
      if (random.nextBoolean()) {
        // Live-only additions append to lists, so the leaf keeps its index.
        ManifestMutations.addLiveOnlyFields(live, random, log);
      }
      JsonNode changed = ManifestMutations.changed(leaf.value());
      ManifestMutations.set(live, leaf.pointer(), changed);
      String what =
          String.format(
              "seed %d, iteration %d: %s, %s changed from %s to %s (live also got %s)",
              SEED, i, c.name(), leaf.pointer(), leaf.value(), changed, log);

      DiffResult result = ENGINE.diff(c.desired().deepCopy(), live);

      assertThat(result.type())
          .as(what + "; result " + describe(result))
          .isEqualTo(DriftType.MODIFIED);
      assertThat(result.fields())
          .as(what + "; result " + describe(result))
          .extracting(FieldDiff::path)
          .containsExactly(leaf.pointer());
    }
  }

  @Test
  void reorderingListMapsOfBuiltInKindsIsNotDrift() {
    Random random = new Random(SEED);
    int reordered = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      FixtureCase c = fixtures.get(random.nextInt(fixtures.size()));
      if (c.live() == null) {
        continue;
      }
      ObjectNode shuffled = c.live().deepCopy();
      List<String> lists = ManifestMutations.shuffleListMaps(shuffled, random);
      if (lists.isEmpty()) {
        continue;
      }
      reordered++;
      String what =
          String.format("seed %d, iteration %d: %s reordered %s", SEED, i, c.name(), lists);
      assertInSync(c.live().deepCopy(), shuffled, "live of " + what);
      if (c.rules() == null && c.desired() != null && "NONE".equals(c.expectedType())) {
        assertInSync(c.desired().deepCopy(), shuffled.deepCopy(), "in-sync desired vs " + what);
      }
    }
    assertThat(reordered).as("iterations that reordered something").isGreaterThan(ITERATIONS / 4);
  }

  private static void assertInSync(ObjectNode desired, ObjectNode live, String what) {
    DiffResult result = ENGINE.diff(desired, live);
    assertThat(result.type()).as(what + "; result " + describe(result)).isEqualTo(DriftType.NONE);
    assertThat(result.fields()).as(what).isEmpty();
  }

  private static String describe(DiffResult result) {
    return FixtureCorpusTest.toJson(result).toString();
  }
}
