package io.driftwatch.diff.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.quantity.QuantityNode;
import io.driftwatch.diff.schema.SchemaNode;
import io.driftwatch.model.KubernetesObjects;
import java.util.Map;

/**
 * Builds the normalised copy of a manifest in one walk: the same result as {@link
 * ServerMetadataNormalizer#normalizedCopy}, then {@link EmptyValueNormalizer}, then {@link
 * QuantityNormalizer}, without copying what is then removed or walking the copy twice more. The
 * copy is the engine's largest cost per resource, so the three steps are fused here while each
 * still exists alone as the readable statement of its rule (and for Secrets, whose redaction must
 * run between the copy and the empty-value step).
 */
public final class NormalizedCopy {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** True on the desired side: an explicit null there means "must not be set" and is kept. */
  private final boolean keepNulls;

  private NormalizedCopy(boolean keepNulls) {
    this.keepNulls = keepNulls;
  }

  /** The normalised copy of a desired manifest (explicit nulls kept). */
  public static ObjectNode ofDesired(ObjectNode manifest, SchemaNode schema) {
    return new NormalizedCopy(true).root(manifest, schema);
  }

  /** The normalised copy of a live manifest (nulls are absent). */
  public static ObjectNode ofLive(ObjectNode manifest, SchemaNode schema) {
    return new NormalizedCopy(false).root(manifest, schema);
  }

  /**
   * The top level: status and the server-set metadata are never copied. The root itself stays even
   * when empty.
   */
  private ObjectNode root(ObjectNode manifest, SchemaNode schema) {
    ObjectNode copy = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : manifest.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if ("status".equals(name)) {
        continue;
      }
      SchemaNode fieldSchema = schema == null ? null : schema.field(name);
      JsonNode normalized =
          "metadata".equals(name) && value.isObject()
              ? metadata(value, fieldSchema)
              : fieldValue(value, fieldSchema, true);
      if (normalized != null) {
        copy.set(name, normalized);
      }
    }
    return copy;
  }

  /** The object's own metadata: server-set fields and bookkeeping annotations dropped. */
  private JsonNode metadata(JsonNode metadata, SchemaNode schema) {
    ObjectNode copy = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : metadata.properties()) {
      String name = field.getKey();
      if (KubernetesObjects.SERVER_SET_METADATA.contains(name)) {
        continue;
      }
      JsonNode value = field.getValue();
      SchemaNode fieldSchema = schema == null ? null : schema.field(name);
      JsonNode normalized =
          "annotations".equals(name) && value.isObject()
              ? annotations(value, fieldSchema)
              : fieldValue(value, fieldSchema, false);
      if (normalized != null) {
        copy.set(name, normalized);
      }
    }
    return copy.isEmpty() ? null : copy;
  }

  private JsonNode annotations(JsonNode annotations, SchemaNode schema) {
    ObjectNode copy = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : annotations.properties()) {
      if (KubernetesObjects.BOOKKEEPING_ANNOTATIONS.contains(field.getKey())) {
        continue;
      }
      SchemaNode fieldSchema = schema == null ? null : schema.field(field.getKey());
      JsonNode normalized = fieldValue(field.getValue(), fieldSchema, false);
      if (normalized != null) {
        copy.set(field.getKey(), normalized);
      }
    }
    return copy.isEmpty() ? null : copy;
  }

  /**
   * The normalised copy of an object field's value, or null when it is empty and so absent.
   *
   * @param inTemplates whether a nested {@code metadata} object below loses its {@code
   *     creationTimestamp} (true everywhere but inside the object's own metadata)
   */
  private JsonNode fieldValue(JsonNode value, SchemaNode schema, boolean inTemplates) {
    if (value.isObject()) {
      ObjectNode copy = object(value, schema, inTemplates, false);
      return copy.isEmpty() ? null : copy;
    }
    if (value.isArray()) {
      ArrayNode copy = array(value, schema, inTemplates);
      return copy.isEmpty() ? null : copy;
    }
    if (isEmptyScalar(value)) {
      return null;
    }
    // Only object fields hold quantities: QuantityNormalizer never converts list items either.
    if (schema != null && schema.isQuantity()) {
      QuantityNode quantity = QuantityNode.of(value);
      if (quantity != null) {
        return quantity;
      }
    }
    return value;
  }

  private ObjectNode object(
      JsonNode node, SchemaNode schema, boolean inTemplates, boolean isTemplateMetadata) {
    ObjectNode copy = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      if (isTemplateMetadata && "creationTimestamp".equals(name)) {
        continue;
      }
      JsonNode value = field.getValue();
      SchemaNode fieldSchema = schema == null ? null : schema.field(name);
      JsonNode normalized;
      if (inTemplates && value.isObject() && "metadata".equals(name)) {
        ObjectNode metadata = object(value, fieldSchema, true, true);
        normalized = metadata.isEmpty() ? null : metadata;
      } else {
        normalized = fieldValue(value, fieldSchema, inTemplates);
      }
      if (normalized != null) {
        copy.set(name, normalized);
      }
    }
    return copy;
  }

  /** List items are never dropped, even when empty: that would shift the positions after them. */
  private ArrayNode array(JsonNode node, SchemaNode schema, boolean inTemplates) {
    SchemaNode items = schema == null ? null : schema.items();
    ArrayNode copy = NODES.arrayNode(node.size());
    for (JsonNode item : node) {
      if (item.isObject()) {
        copy.add(object(item, items, inTemplates, false));
      } else if (item.isArray()) {
        copy.add(array(item, items, inTemplates));
      } else {
        copy.add(item);
      }
    }
    return copy;
  }

  private boolean isEmptyScalar(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue().isEmpty();
    }
    return value.isNull() && !keepNulls;
  }
}
