package io.driftwatch.diff.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.quantity.QuantityNode;
import io.driftwatch.diff.schema.SchemaNode;
import java.util.Map;

/**
 * Replaces each value at a place where the built-in schema puts a resource quantity by a {@link
 * QuantityNode}, which equals any other spelling of the same amount ({@code 1000m} = {@code 1},
 * {@code 1Gi} = {@code 1024Mi}, a YAML number or a string). Text that is not a valid quantity is
 * left as written. Only the schema's paths are visited, not the whole document.
 */
public final class QuantityNormalizer {

  private QuantityNormalizer() {}

  /** Normalises {@code manifest} in place along {@code schema} (nothing happens when null). */
  public static void normalize(ObjectNode manifest, SchemaNode schema) {
    visit(manifest, schema);
  }

  private static void visit(JsonNode node, SchemaNode schema) {
    if (schema == null || node == null) {
      return;
    }
    if (node.isArray()) {
      if (schema.items() != null) {
        for (JsonNode item : node) {
          visit(item, schema.items());
        }
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) node;
    if (schema.anyField() != null) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (schema.anyField().isQuantity()) {
          QuantityNode quantity = QuantityNode.of(field.getValue());
          if (quantity != null) {
            field.setValue(quantity);
          }
        } else {
          visit(field.getValue(), schema.anyField());
        }
      }
      return;
    }
    for (Map.Entry<String, SchemaNode> known : schema.fields().entrySet()) {
      JsonNode value = object.get(known.getKey());
      if (value == null) {
        continue;
      }
      if (known.getValue().isQuantity()) {
        QuantityNode quantity = QuantityNode.of(value);
        if (quantity != null) {
          object.set(known.getKey(), quantity);
        }
      } else {
        visit(value, known.getValue());
      }
    }
  }
}
