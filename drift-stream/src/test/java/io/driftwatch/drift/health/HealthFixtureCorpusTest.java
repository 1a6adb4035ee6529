package io.driftwatch.drift.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the assessor over every paired fixture and compares status and message with the expected
 * file; and checks that the corpus covers each kind with a rule in more than one state.
 */
class HealthFixtureCorpusTest {

  /** The kinds Argo CD has a built-in rule for and that driftwatch assesses. */
  private static final List<String> KINDS_WITH_RULES =
      List.of(
          "apps/DaemonSet",
          "apps/Deployment",
          "apps/ReplicaSet",
          "apps/StatefulSet",
          "autoscaling/HorizontalPodAutoscaler",
          "batch/Job",
          "/PersistentVolumeClaim",
          "/Pod",
          "/Service");

  static List<String> cases() {
    return HealthFixture.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void assessorGivesTheExpectedHealth(String name) {
    HealthFixture fixture = HealthFixture.load(name);
    ObjectNode manifest = fixture.manifest();
    ObjectNode status = fixture.status();
    ObjectNode manifestBefore = manifest.deepCopy();
    ObjectNode statusBefore = status == null ? null : status.deepCopy();

    Optional<HealthAssessment> actual = HealthAssessor.assess(manifest, status);

    JsonNode expected = fixture.expected();
    String report = "case " + name + ": expected " + expected + ", got " + actual;
    if (expected.path("status").isNull()) {
      assertThat(actual).as(report).isEmpty();
    } else {
      assertThat(actual).as(report).isPresent();
      assertThat(actual.get().status().label())
          .as(report)
          .isEqualTo(expected.path("status").asText());
      assertThat(actual.get().message()).as(report).isEqualTo(expected.path("message").asText());
    }
    assertThat(manifest).as("the assessor must not modify the manifest").isEqualTo(manifestBefore);
    assertThat(status).as("the assessor must not modify the status").isEqualTo(statusBefore);
  }

  @Test
  void everyFixtureHasBothHalves() {
    List<String> files = HealthFixture.files();
    for (String file : files) {
      assertThat(file)
          .as("fixture files are <case>-live.yaml or <case>-expected.json")
          .matches(".+(-live\\.yaml|-expected\\.json)");
      String counterpart =
          file.endsWith(HealthFixture.LIVE_SUFFIX)
              ? file.replace(HealthFixture.LIVE_SUFFIX, HealthFixture.EXPECTED_SUFFIX)
              : file.replace(HealthFixture.EXPECTED_SUFFIX, HealthFixture.LIVE_SUFFIX);
      assertThat(files).as("%s has no counterpart", file).contains(counterpart);
    }
  }

  @Test
  void everyKindWithARuleHasThreeCasesAndBothHealthyAndUnhealthyOnes() {
    Map<String, List<String>> statusesByKind =
        HealthFixture.names().stream()
            .map(HealthFixture::load)
            .filter(f -> HealthAssessor.hasRule(f.group(), f.kind()))
            .collect(
                Collectors.groupingBy(
                    f -> f.group() + "/" + f.kind(),
                    TreeMap::new,
                    Collectors.mapping(
                        f -> f.expected().path("status").asText(), Collectors.toList())));

    assertThat(statusesByKind.keySet()).containsExactlyInAnyOrderElementsOf(KINDS_WITH_RULES);
    statusesByKind.forEach(
        (kind, statuses) -> {
          assertThat(statuses).as("fixtures of %s", kind).hasSizeGreaterThanOrEqualTo(3);
          assertThat(statuses).as("fixtures of %s", kind).contains("Healthy");
          assertThat(statuses).as("fixtures of %s", kind).anyMatch(s -> !s.equals("Healthy"));
        });
  }
}
