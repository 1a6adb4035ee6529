package io.driftwatch.ingest.git.render.kustomize.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a case into a scratch directory, so that nothing a test runs can write into the corpus.
 */
final class Directories {

  private Directories() {}

  static void copy(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      List<Path> paths = walk.toList();
      for (Path source : paths) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
    }
  }
}
