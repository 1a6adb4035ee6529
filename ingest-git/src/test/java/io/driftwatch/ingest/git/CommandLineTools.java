package io.driftwatch.ingest.git;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Command-line tools some tests use as oracles (kubectl, git, gpg, ssh-keygen), found on the PATH.
 * driftwatch never needs them at run time. Without one, a test is skipped with the reason outside
 * CI and fails in CI, where the oracles must run.
 */
public final class CommandLineTools {

  private CommandLineTools() {}

  /** True when the tests run in CI, where the oracles and the shared corpus are required. */
  public static boolean inCi() {
    // Tests only: the build's CI marker, the one environment variable these tests read.
    return "true".equals(System.getenv("CI"));
  }

  /** The tool's path when it is on the PATH. */
  public static Optional<Path> find(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * The tool from the PATH; without it the calling test is skipped outside CI and fails in CI.
   *
   * @param purpose what the test checks with it, for the skip or failure message
   */
  public static Path require(String name, String purpose) {
    Optional<Path> found = find(name);
    if (found.isEmpty() && inCi()) {
      throw new AssertionError(name + " is not on the PATH; CI must provide it so that " + purpose);
    }
    Assumptions.assumeTrue(
        found.isPresent(),
        name
            + " is not on the PATH, so this test cannot check that "
            + purpose
            + " (CI requires it)");
    return found.get();
  }
}
