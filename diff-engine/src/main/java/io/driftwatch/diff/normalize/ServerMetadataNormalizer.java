package io.driftwatch.diff.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.KubernetesObjects;
import java.util.Map;

/**
 * Drops what the API server or a controller writes and Git never declares: {@code status}, the
 * server-set metadata fields and the bookkeeping annotations of kubectl and the Deployment
 * controller. Templates nested in a spec (pod templates, a CronJob's job template) lose their
 * {@code creationTimestamp} too: exports from a cluster write it there as {@code null}.
 */
public final class ServerMetadataNormalizer {

  private ServerMetadataNormalizer() {}

  /**
   * A deep copy of {@code manifest} without its server-set parts. The parts it drops are never
   * copied, which matters for live objects whose managedFields and status outweigh their spec.
   */
  public static ObjectNode normalizedCopy(ObjectNode manifest) {
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : manifest.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if ("status".equals(name)) {
        continue;
      }
      if ("metadata".equals(name) && value.isObject()) {
        copy.set(name, metadataCopy(value));
      } else {
        copy.set(name, withoutTemplateTimestamps(value));
      }
    }
    return copy;
  }

  /** A deep copy in which every nested {@code metadata} object lacks {@code creationTimestamp}. */
  private static JsonNode withoutTemplateTimestamps(JsonNode node) {
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
      for (JsonNode item : node) {
        copy.add(withoutTemplateTimestamps(item));
      }
      return copy;
    }
    if (!node.isObject()) {
      return node.deepCopy();
    }
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = withoutTemplateTimestamps(field.getValue());
      if ("metadata".equals(field.getKey()) && value instanceof ObjectNode nested) {
        nested.remove("creationTimestamp");
      }
      copy.set(field.getKey(), value);
    }
    return copy;
  }

  private static ObjectNode metadataCopy(JsonNode metadata) {
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : metadata.properties()) {
      String name = field.getKey();
      if (KubernetesObjects.SERVER_SET_METADATA.contains(name)) {
        continue;
      }
      JsonNode value = field.getValue();
      if ("annotations".equals(name) && value.isObject()) {
        ObjectNode annotations = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> annotation : value.properties()) {
          if (!KubernetesObjects.BOOKKEEPING_ANNOTATIONS.contains(annotation.getKey())) {
            annotations.set(annotation.getKey(), annotation.getValue().deepCopy());
          }
        }
        copy.set(name, annotations);
      } else {
        copy.set(name, value.deepCopy());
      }
    }
    return copy;
  }
}
