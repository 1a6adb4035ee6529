package io.driftwatch.ingest.git.render.kustomize.generate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of kustomization fields as kustomize's strict decoding does them: an unknown field or
 * a value of the wrong type is an error, null reads as the empty value. Messages name the field and
 * the expected type, never the value found.
 */
final class KustomizationFields {

  private final JsonNode node;
  private final String where;

  KustomizationFields(JsonNode node, String where) {
    this.node = node;
    this.where = where;
  }

  void requireKnown(Set<String> known) throws GeneratorException {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      if (!known.contains(name)) {
        throw new GeneratorException(where + ": unknown field '" + name + "'");
      }
    }
  }

  String text(String field) throws GeneratorException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw wrongType(field, "a string");
    }
    return value.textValue();
  }

  boolean bool(String field) throws GeneratorException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw wrongType(field, "true or false");
    }
    return value.booleanValue();
  }

  List<String> texts(String field) throws GeneratorException {
    JsonNode value = node.get(field);
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (!value.isArray()) {
      throw wrongType(field, "a list of strings");
    }
    for (JsonNode item : value) {
      if (item.isNull()) {
        out.add("");
      } else if (item.isTextual()) {
        out.add(item.textValue());
      } else {
        throw wrongType(field, "a list of strings");
      }
    }
    return out;
  }

  /** A string map in document order; null means absent (kustomize tells absent from empty). */
  Map<String, String> textMap(String field) throws GeneratorException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw wrongType(field, "a map of strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      JsonNode item = entry.getValue();
      if (item.isNull()) {
        out.put(entry.getKey(), "");
      } else if (item.isTextual()) {
        out.put(entry.getKey(), item.textValue());
      } else {
        throw new GeneratorException(
            where + ": '" + field + "." + entry.getKey() + "' must be a string");
      }
    }
    return out;
  }

  JsonNode object(String field) throws GeneratorException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw wrongType(field, "a map");
    }
    return value;
  }

  private GeneratorException wrongType(String field, String expected) {
    return new GeneratorException(where + ": '" + field + "' must be " + expected);
  }
}
