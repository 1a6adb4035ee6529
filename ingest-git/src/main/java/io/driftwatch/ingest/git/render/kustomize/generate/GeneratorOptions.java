package io.driftwatch.ingest.git.render.kustomize.generate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code options} of a generator entry or the kustomization's {@code generatorOptions}.
 *
 * @param labels null when the field is absent
 * @param annotations null when the field is absent
 */
record GeneratorOptions(
    Map<String, String> labels,
    Map<String, String> annotations,
    boolean disableNameSuffixHash,
    boolean immutable) {

  static final GeneratorOptions NONE = new GeneratorOptions(null, null, false, false);

  private static final Set<String> FIELDS =
      Set.of("labels", "annotations", "disableNameSuffixHash", "immutable");

  static GeneratorOptions parse(JsonNode node, String where) throws GeneratorException {
    if (node == null) {
      return NONE;
    }
    KustomizationFields fields = new KustomizationFields(node, where);
    fields.requireKnown(FIELDS);
    return new GeneratorOptions(
        fields.textMap("labels"),
        fields.textMap("annotations"),
        fields.bool("disableNameSuffixHash"),
        fields.bool("immutable"));
  }

  /**
   * The entry's options with the kustomization-wide ones folded in as kustomize folds them: the
   * entry's label or annotation wins over a global one with the same key, and a global {@code true}
   * for disableNameSuffixHash or immutable cannot be turned off by an entry.
   */
  GeneratorOptions withGlobal(GeneratorOptions global) {
    return new GeneratorOptions(
        merge(labels, global.labels),
        merge(annotations, global.annotations),
        disableNameSuffixHash || global.disableNameSuffixHash,
        immutable || global.immutable);
  }

  private static Map<String, String> merge(Map<String, String> local, Map<String, String> global) {
    if (local == null) {
      return global == null ? null : new LinkedHashMap<>(global);
    }
    Map<String, String> merged = new LinkedHashMap<>(local);
    if (global != null) {
      global.forEach(merged::putIfAbsent);
    }
    return merged;
  }
}
