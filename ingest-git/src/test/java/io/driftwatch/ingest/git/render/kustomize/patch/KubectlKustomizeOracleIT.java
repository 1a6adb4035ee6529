package io.driftwatch.ingest.git.render.kustomize.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the fixtures honest: where {@code kubectl} (with kustomize v5.5.0) is on the PATH, each
 * fixture's expected.yaml must still be exactly what {@code kubectl kustomize} prints for its
 * directory, and each target in target-selection/cases.yaml must select what it records. The unit
 * tests compare the in-process patches with these files.
 */
class KubectlKustomizeOracleIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static boolean kubectl;

  @BeforeAll
  static void findKubectl() {
    kubectl = run(List.of("kubectl", "version", "--client")) != null;
  }

  static Stream<String> fixtures() {
    return Stream.concat(PatchFixtures.names("smp-"), PatchFixtures.names("json-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void expectedOutputIsWhatKubectlKustomizePrints(String fixture) throws IOException {
    assumeKubectl();
    Path dir = PatchFixtures.root().resolve(fixture);

    String printed = run(List.of("kubectl", "kustomize", dir.toString()));

    assertThat(printed).isEqualTo(Files.readString(dir.resolve("expected.yaml")));
  }

  @Test
  void recordedSelectionsAreWhatKubectlKustomizeSelects(@TempDir Path work) throws IOException {
    assumeKubectl();
    Path fixture = PatchFixtures.root().resolve("target-selection");
    Files.copy(fixture.resolve("res.yaml"), work.resolve("res.yaml"));
    Files.copy(fixture.resolve("patch.yaml"), work.resolve("patch.yaml"));
    for (JsonNode entry : PatchFixtures.document("target-selection", "cases.yaml")) {
      Files.writeString(
          work.resolve("kustomization.yaml"),
          "resources:\n- res.yaml\npatches:\n- path: patch.yaml\n  target: "
              + JSON.writeValueAsString(entry.get("target"))
              + "\n");
      String printed = run(List.of("kubectl", "kustomize", work.toString()));
      List<String> selected = new ArrayList<>();
      for (String document : printed.split("\n---\n")) {
        if (document.contains("hit:")) {
          selected.add(field(document, "kind:") + "/" + field(document, "  name:"));
        }
      }
      List<String> recorded = new ArrayList<>();
      entry.get("selected").forEach(id -> recorded.add(id.asText()));
      assertThat(selected)
          .as(entry.get("target").toString())
          .containsExactlyInAnyOrderElementsOf(recorded);
    }
  }

  private static String field(String document, String prefix) {
    return document
        .lines()
        .filter(line -> line.startsWith(prefix))
        .findFirst()
        .map(line -> line.substring(prefix.length()).trim())
        .orElse("");
  }

  private static void assumeKubectl() {
    assumeTrue(
        kubectl,
        "kubectl is not on the PATH: the fixtures were captured with kubectl v1.32 (kustomize"
            + " v5.5.0) and are checked against it only where it is installed");
  }

  private static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return null;
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
