package io.driftwatch.bench.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code kubectl kustomize DIR} run as a subprocess, as Argo CD's repo-server runs {@code kustomize
 * build} per application: the baseline the in-process renderer is measured against. The executable
 * is {@code /usr/bin/kubectl} unless system property {@value #PROPERTY} names another.
 */
public final class KubectlKustomize {

  /** The system property naming the kubectl executable. */
  public static final String PROPERTY = "driftwatch.bench.kubectl";

  private static final long TIMEOUT_SECONDS = 120;

  private final Path executable;

  private KubectlKustomize(Path executable) {
    this.executable = executable;
  }

  /**
   * kubectl from {@value #PROPERTY} or {@code /usr/bin/kubectl}.
   *
   * @throws IllegalStateException when it is not an executable file, saying how to point at one
   */
  public static KubectlKustomize locate() {
    Path executable = Path.of(System.getProperty(PROPERTY, "/usr/bin/kubectl"));
    if (!Files.isExecutable(executable)) {
      throw new IllegalStateException(
          executable
              + " is not an executable kubectl; install kubectl (kustomize v5 is built in) or"
              + " pass -D"
              + PROPERTY
              + "=/path/to/kubectl");
    }
    return new KubectlKustomize(executable);
  }

  /** True when {@link #locate()} would find kubectl. */
  public static boolean available() {
    return Files.isExecutable(Path.of(System.getProperty(PROPERTY, "/usr/bin/kubectl")));
  }

  /**
   * The YAML stream {@code kubectl kustomize directory} prints.
   *
   * @throws IllegalStateException when it exits with an error (with its stderr) or takes longer
   *     than two minutes
   */
  public byte[] build(Path directory) {
    ProcessBuilder builder =
        new ProcessBuilder(executable.toString(), "kustomize", directory.toString());
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<byte[]> stderr = readAsync(process.getErrorStream());
      byte[] stdout;
      try (InputStream in = process.getInputStream()) {
        stdout = in.readAllBytes();
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "kubectl kustomize " + directory + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "kubectl kustomize "
                + directory
                + " failed with exit code "
                + process.exitValue()
                + ": "
                + new String(stderr.join(), StandardCharsets.UTF_8).strip());
      }
      return stdout;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + executable + " kustomize " + directory, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while kubectl kustomize " + directory + " ran");
    }
  }

  private static CompletableFuture<byte[]> readAsync(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
