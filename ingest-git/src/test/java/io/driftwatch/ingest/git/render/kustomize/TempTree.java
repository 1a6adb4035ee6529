package io.driftwatch.ingest.git.render.kustomize;

import io.driftwatch.ingest.git.render.FileSystemSourceTree;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.YamlLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A directory of files written by a test, rendered with the kustomize renderer. */
final class TempTree {

  private final Path root;

  TempTree(Path root) {
    this.root = root;
  }

  TempTree write(String path, String content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RenderResult render(String path) throws IOException {
    return new KustomizeRenderer().render(new FileSystemSourceTree(root), path);
  }

  RenderResult render(String path, String targetNamespace) throws IOException {
    return new KustomizeRenderer(YamlLimits.DEFAULTS, Optional.of(targetNamespace))
        .render(new FileSystemSourceTree(root), path);
  }

  static List<String> names(RenderResult result) {
    return result.manifests().stream()
        .map(m -> m.manifest().path("metadata").path("name").asText())
        .toList();
  }

  static String configMap(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  k: v\n";
  }

  static String deployment(String name) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: "
        + name
        + "\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n"
        + "        image: nginx:1.0\n";
  }
}
