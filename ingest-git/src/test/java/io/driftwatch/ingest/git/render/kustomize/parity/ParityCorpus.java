package io.driftwatch.ingest.git.render.kustomize.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The parity corpus in {@code src/test/resources/kustomize-parity}, read from the source tree (not
 * the copy on the test class path) so that {@link KubectlOracleTest} checks, and can regenerate,
 * the committed files.
 */
final class ParityCorpus {

  /** Surefire runs in the module directory. */
  static final Path ROOT = Path.of("src", "test", "resources", "kustomize-parity");

  private ParityCorpus() {}

  /** Every case directory, by name. */
  static List<Path> caseDirectories() {
    try (Stream<Path> entries = Files.list(ROOT)) {
      return entries.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot list the parity corpus at " + ROOT.toAbsolutePath(), e);
    }
  }

  /** Every case, loaded. */
  static List<ParityCase> cases() {
    return caseDirectories().stream().map(ParityCase::load).toList();
  }

  /** The cases whose render must succeed. */
  static Stream<ParityCase> renderingCases() {
    return cases().stream().filter(c -> !c.expectsError());
  }

  /** The cases whose render must fail cleanly. */
  static Stream<ParityCase> failingCases() {
    return cases().stream().filter(ParityCase::expectsError);
  }
}
