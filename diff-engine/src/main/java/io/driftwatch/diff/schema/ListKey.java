package io.driftwatch.diff.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The merge key of a list-map: the fields that identify an item, and the value the API server
 * assumes for a key field an item leaves out (a Service port without {@code protocol} is TCP).
 *
 * @param fields the key fields, in a fixed order
 * @param defaults the value of a key field an item does not set, by field name
 */
public record ListKey(List<String> fields, Map<String, String> defaults) {

  /** Separates key fields; Kubernetes names and numbers never contain it. */
  private static final char SEPARATOR = '\u0000';

  /** Stands for a key field that an item lacks and that has no default. */
  private static final String ABSENT = "\u0001";

  public ListKey {
    fields = List.copyOf(fields);
    defaults = Map.copyOf(defaults);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("A list-map needs at least one key field");
    }
  }

  /** A key of the given fields, none of them defaulted. */
  public static ListKey of(String... fields) {
    return new ListKey(List.of(fields), Map.of());
  }

  /** This key with a default for one of its fields. */
  public ListKey withDefault(String field, String value) {
    Map<String, String> merged = new HashMap<>(defaults);
    merged.put(field, value);
    return new ListKey(fields, merged);
  }

  /**
   * The identity of {@code item} under this key, equal for two items the API server would treat as
   * one entry; null when the item is not an object.
   */
  public String keyOf(JsonNode item) {
    if (item == null || !item.isObject()) {
      return null;
    }
    if (fields.size() == 1) {
      return text(item.get(fields.get(0)), fields.get(0));
    }
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        key.append(SEPARATOR);
      }
      key.append(text(item.get(fields.get(i)), fields.get(i)));
    }
    return key.toString();
  }

  private String text(JsonNode value, String field) {
    if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
      String fallback = defaults.get(field);
      return fallback != null ? fallback : ABSENT;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }
}
