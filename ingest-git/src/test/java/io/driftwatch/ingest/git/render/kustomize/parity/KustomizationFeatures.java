package io.driftwatch.ingest.git.render.kustomize.parity;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.git.render.BoundedYamlReader;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.ingest.git.render.YamlReadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The kustomize features a corpus exercises, as tokens read from its kustomization files: field
 * paths with list items collapsed ({@code patches.target.labelSelector}), a few values that select
 * a behaviour ({@code configMapGenerator.behavior=merge}, {@code labels.includeSelectors=false}),
 * and the kind of each patch ({@code patches:json6902-file}, {@code patches:smp-inline+target}),
 * told apart by parsing the patch as kustomize does (a list is JSON 6902).
 */
final class KustomizationFeatures {

  private static final BoundedYamlReader YAML = new BoundedYamlReader(YamlLimits.DEFAULTS);
  private static final Set<String> VALUE_KEYS = Set.of("behavior", "kind");

  private KustomizationFeatures() {}

  /** Every kustomization file (Kustomization or Component) under {@code root}. */
  static List<Path> kustomizationFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p -> FluxKustomizationFile.KUSTOMIZATION_FILES.contains(p.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The feature tokens of every kustomization file under {@code root}. */
  static Set<String> of(Path root) {
    Set<String> tokens = new TreeSet<>();
    for (Path file : kustomizationFiles(root)) {
      JsonNode kustomization = read(file);
      collect("", kustomization, tokens);
      patchKinds(file.getParent(), kustomization, tokens);
    }
    return tokens;
  }

  static JsonNode read(Path file) {
    try {
      List<JsonNode> documents = YAML.read(Files.readAllBytes(file));
      if (documents.size() != 1 || documents.get(0) == null || !documents.get(0).isObject()) {
        throw new AssertionError(file + " must hold one mapping");
      }
      return documents.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (YamlReadException e) {
      throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  private static void collect(String path, JsonNode node, Set<String> tokens) {
    if (node.isArray()) {
      node.forEach(item -> collect(path, item, tokens));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      tokens.add(child);
      JsonNode value = field.getValue();
      if (value.isBoolean() || (value.isTextual() && VALUE_KEYS.contains(field.getKey()))) {
        tokens.add(child + "=" + value.asText());
      }
      collect(child, value, tokens);
    }
  }

  private static void patchKinds(Path directory, JsonNode kustomization, Set<String> tokens) {
    for (JsonNode patch : kustomization.path("patches")) {
      String target = patch.has("target") ? "+target" : "-target";
      if (patch.has("patch")) {
        tokens.add("patches:" + kindOf(patch.get("patch").asText()) + "-inline" + target);
      } else if (patch.has("path")) {
        tokens.add("patches:" + kindOf(readText(directory, patch.get("path").asText())) + "-file");
        tokens.add("patches:" + kindOf(readText(directory, patch.get("path").asText())) + target);
      }
    }
    for (JsonNode patch : kustomization.path("patchesStrategicMerge")) {
      String text = patch.asText();
      tokens.add(
          "patchesStrategicMerge:"
              + (text.contains("\n") || !Files.isRegularFile(directory.resolve(text))
                  ? "inline"
                  : "file"));
    }
    for (JsonNode patch : kustomization.path("patchesJson6902")) {
      tokens.add("patchesJson6902:" + (patch.has("path") ? "file" : "inline"));
    }
  }

  private static String kindOf(String patchText) {
    try {
      List<JsonNode> documents = YAML.read(patchText.getBytes(StandardCharsets.UTF_8));
      return !documents.isEmpty() && documents.get(0) != null && documents.get(0).isArray()
          ? "json6902"
          : "smp";
    } catch (YamlReadException e) {
      throw new AssertionError("a patch is not valid YAML or JSON: " + e.getMessage(), e);
    }
  }

  private static String readText(Path directory, String relative) {
    try {
      return Files.readString(directory.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("patch file " + relative + " next to a kustomization", e);
    }
  }
}
