package io.driftwatch.ingest.git;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The team's shared corpus of public GitOps repositories, {@code ../shared/corpus} beside the
 * checkout, read by tests and never copied into the project. Without it a test that needs it is
 * skipped with the reason, except in CI, where it is required and the test fails.
 */
public final class SharedCorpus {

  /** The corpus, relative to a module's directory (where Maven runs its tests). */
  public static final Path ROOT = Path.of("..", "..", "shared", "corpus");

  private SharedCorpus() {}

  /** True when the tests run in CI, where the corpus (and kubectl) are required. */
  public static boolean inCi() {
    return CommandLineTools.inCi();
  }

  /** True when the corpus is there. */
  public static boolean present() {
    return Files.isDirectory(ROOT);
  }

  /**
   * The corpus, or the calling test is skipped (outside CI) or fails (in CI) when it is missing.
   */
  public static Path require() {
    if (!present() && inCi()) {
      throw new AssertionError(
          "CI must run with the shared corpus beside the checkout, at "
              + ROOT.toAbsolutePath().normalize());
    }
    Assumptions.assumeTrue(
        present(),
        "no shared corpus at " + ROOT.toAbsolutePath().normalize() + " (it is there in CI)");
    return ROOT;
  }

  /** One repository of the corpus, with the same rule as {@link #require()}. */
  public static Path repository(String name) {
    Path repository = require().resolve(name);
    if (!Files.isDirectory(repository) && inCi()) {
      throw new AssertionError("the shared corpus has no " + name + " at " + repository);
    }
    Assumptions.assumeTrue(Files.isDirectory(repository), "the shared corpus has no " + name);
    return repository;
  }
}
