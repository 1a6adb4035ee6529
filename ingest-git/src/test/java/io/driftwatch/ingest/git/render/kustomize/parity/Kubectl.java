package io.driftwatch.ingest.git.render.kustomize.parity;

import io.driftwatch.ingest.git.CommandLineTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The oracle: {@code kubectl kustomize} (kustomize v5 built into kubectl), found on the PATH and
 * run as a subprocess. Only tests use it; driftwatch never needs it at run time.
 */
final class Kubectl {

  /** kubectl on these machines builds a small overlay in about 0.1 s; a hung build is a failure. */
  private static final long TIMEOUT_SECONDS = 60;

  private final Path executable;

  private Kubectl(Path executable) {
    this.executable = executable;
  }

  /** What one {@code kubectl kustomize} printed and how it exited. */
  record Result(int exitCode, String stdout, String stderr) {
    boolean succeeded() {
      return exitCode == 0;
    }
  }

  /** True when the tests run in CI, where the oracle and the shared corpus are required. */
  static boolean inCi() {
    return CommandLineTools.inCi();
  }

  /**
   * kubectl from the PATH. Without it, the calling test is skipped with the reason outside CI, and
   * fails in CI (where the goldens must be checked against the oracle).
   */
  static Kubectl requireOnPath() {
    return new Kubectl(
        CommandLineTools.require(
            "kubectl",
            "the kustomize parity goldens are checked against the oracle (kubectl kustomize,"
                + " kustomize v5 built in)"));
  }

  /** kubectl's path when it is on the PATH. */
  static Optional<Path> find() {
    return CommandLineTools.find("kubectl");
  }

  /** Runs {@code kubectl kustomize directory}. */
  Result kustomize(Path directory) {
    ProcessBuilder builder =
        new ProcessBuilder(executable.toString(), "kustomize", directory.toString());
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> stdout = readAsync(process.getInputStream());
      CompletableFuture<String> stderr = readAsync(process.getErrorStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "kubectl kustomize " + directory + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
      return new Result(process.exitValue(), stdout.join(), stderr.join());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + executable, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while kubectl kustomize " + directory + " ran", e);
    }
  }

  private static CompletableFuture<String> readAsync(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
