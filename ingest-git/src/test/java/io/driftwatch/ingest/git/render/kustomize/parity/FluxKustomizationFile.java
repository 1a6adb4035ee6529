package io.driftwatch.ingest.git.render.kustomize.parity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes the kustomization Flux's kustomize-controller generates for a path without one, so that
 * {@code kubectl kustomize} can serve as the oracle for Flux paths too: walking the directory in
 * lexical order, every {@code .yaml}/{@code .yml} file is a resource, a subdirectory holding a
 * kustomization file is a resource itself (and is not descended into), and Flux's {@code
 * targetNamespace} becomes the kustomization's {@code namespace}. A path that has a kustomization
 * file keeps it, with the target namespace set in it, as Flux does.
 */
final class FluxKustomizationFile {

  static final List<String> KUSTOMIZATION_FILES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private FluxKustomizationFile() {}

  static boolean hasKustomization(Path directory) {
    return KUSTOMIZATION_FILES.stream()
        .anyMatch(name -> Files.isRegularFile(directory.resolve(name), LinkOption.NOFOLLOW_LINKS));
  }

  /**
   * Makes {@code directory} (a copy: it is written to) what Flux's kustomize-controller builds:
   * writes the implicit kustomization when there is none, and sets the target namespace.
   */
  static void prepare(Path directory, Optional<String> targetNamespace) throws IOException {
    Optional<Path> existing =
        KUSTOMIZATION_FILES.stream()
            .map(directory::resolve)
            .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
            .findFirst();
    if (existing.isPresent()) {
      if (targetNamespace.isPresent()) {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode kustomization = (ObjectNode) yaml.readTree(existing.get().toFile());
        kustomization.put("namespace", targetNamespace.get());
        yaml.writeValue(existing.get().toFile(), kustomization);
      }
      return;
    }
    List<String> resources = new ArrayList<>();
    scan(directory, directory, resources);
    StringBuilder yaml = new StringBuilder();
    yaml.append("apiVersion: kustomize.config.k8s.io/v1beta1\n").append("kind: Kustomization\n");
    targetNamespace.ifPresent(ns -> yaml.append("namespace: ").append(quote(ns)).append('\n'));
    yaml.append("resources:");
    if (resources.isEmpty()) {
      yaml.append(" []");
    }
    yaml.append('\n');
    for (String resource : resources) {
      yaml.append("  - ").append(quote(resource)).append('\n');
    }
    Files.writeString(
        directory.resolve("kustomization.yaml"), yaml.toString(), StandardCharsets.UTF_8);
  }

  private static void scan(Path base, Path directory, List<String> resources) throws IOException {
    List<Path> entries;
    try (Stream<Path> list = Files.list(directory)) {
      // Go's filepath.Walk visits names in lexical (byte) order.
      entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    }
    for (Path entry : entries) {
      if (Files.isDirectory(entry)) {
        if (hasKustomization(entry)) {
          resources.add("./" + relative(base, entry));
        } else {
          scan(base, entry, resources);
        }
      } else {
        String name = entry.getFileName().toString();
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
          resources.add("./" + relative(base, entry));
        }
      }
    }
  }

  private static String relative(Path base, Path entry) {
    return base.relativize(entry).toString().replace(entry.getFileSystem().getSeparator(), "/");
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
