package io.driftwatch.ingest.git.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One parsed kustomization file ({@code kind: Kustomization} or {@code Component}), checked the way
 * kustomize checks it: an unknown field is an error, a field this renderer does not implement is a
 * clear error naming it, and typed accessors refuse values of the wrong type.
 */
final class Kustomization {

  /** The file names kustomize recognises, in the order it looks for them. */
  static final List<String> FILE_NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private static final Set<String> SUPPORTED =
      Set.of(
          "apiVersion",
          "kind",
          "metadata",
          "resources",
          "bases",
          "components",
          "namespace",
          "namePrefix",
          "nameSuffix",
          "commonLabels",
          "labels",
          "commonAnnotations",
          "images",
          "imageTags",
          "replicas",
          "patches",
          "patchesStrategicMerge",
          "patchesJson6902",
          "configMapGenerator",
          "secretGenerator",
          "generatorOptions",
          "sortOptions");

  /** Fields kustomize knows that this renderer does not implement, with why or what to do. */
  private static final Map<String, String> UNSUPPORTED =
      Map.ofEntries(
          Map.entry("helmCharts", "Helm chart inflation is not supported"),
          Map.entry("helmGlobals", "Helm chart inflation is not supported"),
          Map.entry("helmChartInflationGenerator", "Helm chart inflation is not supported"),
          Map.entry("generators", "generator plugins are not supported"),
          Map.entry("transformers", "transformer plugins are not supported"),
          Map.entry("validators", "validator plugins are not supported"),
          Map.entry("replacements", "replacements are not supported yet"),
          Map.entry("vars", "vars are not supported (deprecated in kustomize v5)"),
          Map.entry("configurations", "custom transformer configurations are not supported"),
          Map.entry("crds", "CRD-based name reference configuration is not supported"),
          Map.entry("openapi", "custom OpenAPI schemas are not supported"),
          Map.entry("buildMetadata", "buildMetadata annotations are not supported"),
          Map.entry("inventory", "inventory objects are not supported"));

  private final String path;
  private final String directory;
  private final ObjectNode node;

  Kustomization(String path, String directory, ObjectNode node) throws KustomizeException {
    this.path = path;
    this.directory = directory;
    this.node = node;
    Iterator<String> fields = node.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      String unsupported = UNSUPPORTED.get(field);
      if (unsupported != null && !isEmpty(node.get(field))) {
        throw new KustomizeException(
            path, path + ": field '" + field + "': " + unsupported + " by driftwatch's renderer");
      }
      if (unsupported == null && !SUPPORTED.contains(field)) {
        throw new KustomizeException(
            path, path + ": unknown field '" + field + "' (kustomize refuses it too)");
      }
    }
    if (!kind().equals("Kustomization") && !kind().equals("Component")) {
      throw error("kind", "must be Kustomization or Component");
    }
    if (isEmptyKustomization()) {
      throw new KustomizeException(path, path + ": the kustomization is empty");
    }
  }

  private boolean isEmptyKustomization() {
    Iterator<String> fields = node.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      if (!Set.of("apiVersion", "kind", "metadata").contains(field) && !isEmpty(node.get(field))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isEmpty(JsonNode value) {
    return value == null
        || value.isNull()
        || ((value.isArray() || value.isObject()) && value.isEmpty())
        || (value.isTextual() && value.asText().isEmpty());
  }

  /** Repository path of the kustomization file. */
  String path() {
    return path;
  }

  /** Repository path of its directory ({@code ""} for the root). */
  String directory() {
    return directory;
  }

  ObjectNode node() {
    return node;
  }

  String kind() {
    JsonNode kind = node.get("kind");
    return kind == null || kind.isNull() || kind.asText().isEmpty()
        ? "Kustomization"
        : kind.asText();
  }

  boolean isComponent() {
    return kind().equals("Component");
  }

  boolean has(String field) {
    return !isEmpty(node.get(field));
  }

  KustomizeException error(String field, String problem) {
    return new KustomizeException(path, path + ": " + field + ": " + problem);
  }

  /** {@code resources} followed by the deprecated {@code bases}, as kustomize merges them. */
  List<String> resources() throws KustomizeException {
    List<String> all = new ArrayList<>(strings("resources"));
    all.addAll(strings("bases"));
    return all;
  }

  String string(String field) throws KustomizeException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw error(field, "must be a string");
    }
    return value.asText();
  }

  List<String> strings(String field) throws KustomizeException {
    List<String> values = new ArrayList<>();
    for (JsonNode item : list(field)) {
      if (!item.isTextual()) {
        throw error(field, "every entry must be a string");
      }
      values.add(item.asText());
    }
    return values;
  }

  List<JsonNode> list(String field) throws KustomizeException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw error(field, "must be a list");
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }

  Map<String, String> stringMap(String field) throws KustomizeException {
    return stringMap(node.get(field), field);
  }

  /** A map of strings as kustomize reads one: values must be strings (quote numbers, booleans). */
  Map<String, String> stringMap(JsonNode value, String field) throws KustomizeException {
    Map<String, String> map = new LinkedHashMap<>();
    if (value == null || value.isNull()) {
      return map;
    }
    if (!value.isObject()) {
      throw error(field, "must be a map of strings");
    }
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      JsonNode item = entry.getValue();
      if (item.isNull()) {
        map.put(entry.getKey(), "");
      } else if (item.isTextual()) {
        map.put(entry.getKey(), item.asText());
      } else {
        throw error(
            field,
            "the value of '"
                + entry.getKey()
                + "' must be a string (quote it, as kustomize requires)");
      }
    }
    return map;
  }
}
