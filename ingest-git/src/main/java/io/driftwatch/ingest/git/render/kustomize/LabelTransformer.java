package io.driftwatch.ingest.git.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Adds labels or annotations to the fields a list of {@link FieldSpec}s names: {@code commonLabels}
 * (metadata, selectors and pod templates), each {@code labels} entry (metadata, plus templates with
 * {@code includeTemplates}, plus selectors with {@code includeSelectors}, plus its own {@code
 * fields}), and {@code commonAnnotations} (metadata and pod templates).
 */
final class LabelTransformer {

  private LabelTransformer() {}

  static void apply(
      List<KustomizeResource> resources, Map<String, String> pairs, List<FieldSpec> specs)
      throws KustomizeException {
    if (pairs.isEmpty()) {
      return;
    }
    for (KustomizeResource resource : resources) {
      ResId id = resource.currentId();
      for (FieldSpec spec : specs) {
        if (!spec.selects(id)) {
          continue;
        }
        spec.visit(
            resource.object(),
            (parent, field) -> {
              JsonNode map = parent.get(field);
              if (map == null || map.isNull()) {
                if (!spec.create()) {
                  return;
                }
                map = parent.putObject(field);
              }
              if (map instanceof ObjectNode object) {
                pairs.forEach(object::put);
              }
            });
      }
    }
  }
}
