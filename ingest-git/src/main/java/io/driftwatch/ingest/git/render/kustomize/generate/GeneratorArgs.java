package io.driftwatch.ingest.git.render.kustomize.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code configMapGenerator} or {@code secretGenerator}, read strictly.
 *
 * @param label how error messages name the entry: its list and its name (or its position when it
 *     has none)
 * @param behavior {@code create}, {@code merge} or {@code replace}; kustomize treats any other
 *     spelling (and none) as create
 * @param envs env files in order, the legacy single {@code env} last
 * @param type the Secret type as written, empty when absent (always empty for a ConfigMap)
 */
record GeneratorArgs(
    GeneratorKind kind,
    String label,
    String name,
    String namespace,
    String behavior,
    List<String> envs,
    List<String> literals,
    List<String> files,
    String type,
    GeneratorOptions options) {

  static GeneratorArgs parse(GeneratorKind kind, int index, JsonNode entry, GeneratorOptions global)
      throws GeneratorException {
    String position = kind.field + "[" + index + "]";
    if (entry == null || entry.isNull()) {
      entry = JsonNodeFactory.instance.objectNode();
    }
    if (!entry.isObject()) {
      throw new GeneratorException(position + ": an entry must be a map");
    }
    KustomizationFields fields = new KustomizationFields(entry, position);
    fields.requireKnown(kind.entryFields);
    String name = fields.text("name");
    if (name.isEmpty()) {
      throw new GeneratorException(position + ": the entry has no name");
    }
    String label = kind.field + " '" + name + "'";
    fields = new KustomizationFields(entry, label);
    List<String> envs = new ArrayList<>(fields.texts("envs"));
    String legacyEnv = fields.text("env");
    if (!legacyEnv.isEmpty()) {
      envs.add(legacyEnv);
    }
    return new GeneratorArgs(
        kind,
        label,
        name,
        fields.text("namespace"),
        behavior(fields.text("behavior")),
        List.copyOf(envs),
        List.copyOf(fields.texts("literals")),
        List.copyOf(fields.texts("files")),
        kind == GeneratorKind.SECRET ? fields.text("type") : "",
        GeneratorOptions.parse(fields.object("options"), label + " options").withGlobal(global));
  }

  private static String behavior(String written) {
    return switch (written) {
      case "merge", "replace" -> written;
      default -> "create";
    };
  }
}
