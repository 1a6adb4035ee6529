package io.driftwatch.ingest.git.render.kustomize.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the goldens honest: re-runs {@code kubectl kustomize} on every case of the parity corpus
 * (on a scratch copy, with Flux's implicit kustomization written for Flux paths) and checks that
 * {@code expected.yaml} is exactly what it prints today, and that the failing cases fail for
 * kubectl too. Without kubectl on the PATH it is skipped with the reason, except in CI, where it
 * fails.
 *
 * <p>To regenerate the goldens after adding or changing a case: {@code ./mvnw -o -q -pl ingest-git
 * test -Dtest=KubectlOracleTest -Ddriftwatch.parity.regenerate=true}, then review the diff.
 */
class KubectlOracleTest {

  private static final boolean REGENERATE = Boolean.getBoolean("driftwatch.parity.regenerate");

  private Kubectl kubectl;

  // Per test, not per class: surefire does not report a class-level skip or its reason.
  @BeforeEach
  void findKubectl() {
    kubectl = Kubectl.requireOnPath();
  }

  static Stream<ParityCase> cases() {
    return ParityCorpus.cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theGoldenIsWhatKubectlKustomizePrintsToday(ParityCase parity, @TempDir Path scratch)
      throws IOException {
    Directories.copy(parity.root(), scratch);
    Path build = scratch.resolve(parity.build());
    if (parity.flux()) {
      FluxKustomizationFile.prepare(build, parity.targetNamespace());
    }

    Kubectl.Result result = kubectl.kustomize(build);

    if (parity.expectsError()) {
      assertThat(result.succeeded())
          .as(
              "%s must fail for kubectl kustomize too, but it printed:%n%s",
              parity.name(), result.stdout())
          .isFalse();
      return;
    }
    assertThat(result.succeeded())
        .as("%s: kubectl kustomize failed: %s", parity.name(), result.stderr())
        .isTrue();
    if (REGENERATE) {
      Files.writeString(parity.expectedFile(), result.stdout(), StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(parity.expectedFile(), StandardCharsets.UTF_8))
        .as(
            "%s/expected.yaml is not what kubectl kustomize prints; regenerate with"
                + " -Ddriftwatch.parity.regenerate=true and review the diff",
            parity.name())
        .isEqualTo(result.stdout());
  }
}
