package io.driftwatch.diff.managed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.driftwatch.diff.schema.BuiltinSchemas;
import io.driftwatch.model.serde.Json;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves FieldsV1 sets against one manifest. List items named by key ({@code k:}) or value
 * ({@code v:}) are found through an index built once per list, so resolving a set over a list of n
 * items costs O(n), not O(n²). Not thread-safe: one resolver per manifest and thread.
 */
final class FieldsV1Resolver {

  private static final String SELF = ".";

  /** Separates key values in an index key; Kubernetes names and numbers never contain it. */
  static final char SEPARATOR = '\u0000';

  private static final String ABSENT = "\u0001";

  private final Map<JsonNode, ListIndex> indexes = new IdentityHashMap<>();

  /** The part of {@code fieldsV1} that exists in {@code manifest}, or null when none does. */
  OwnedFields resolve(JsonNode fieldsV1, JsonNode manifest) {
    if (fieldsV1 == null || !fieldsV1.isObject() || manifest == null) {
      return null;
    }
    OwnedFields node = new OwnedFields();
    if (fieldsV1.isEmpty()) {
      node.markMember();
      return node;
    }
    for (Map.Entry<String, JsonNode> entry : fieldsV1.properties()) {
      String key = entry.getKey();
      JsonNode set = entry.getValue();
      if (SELF.equals(key)) {
        node.markMember();
      } else if (key.startsWith("f:")) {
        if (manifest.isObject()) {
          String name = key.substring(2);
          OwnedFields child = resolve(set, manifest.get(name));
          if (child != null) {
            node.putField(name, child);
          }
        }
      } else if (manifest.isArray()) {
        int index = itemIndex(key, manifest);
        if (index >= 0) {
          OwnedFields child = resolve(set, manifest.get(index));
          if (child != null) {
            node.putItem(index, child);
          }
        }
      }
    }
    return node.isEmpty() ? null : node;
  }

  /** The index in {@code list} of the item a {@code k:}, {@code v:} or {@code i:} key names. */
  int itemIndex(String key, JsonNode list) {
    if (key.startsWith("i:")) {
      try {
        int index = Integer.parseInt(key.substring(2));
        return index >= 0 && index < list.size() ? index : -1;
      } catch (NumberFormatException notAnIndex) {
        return -1;
      }
    }
    if (key.startsWith("k:")) {
      return keyedIndex(key, list);
    }
    if (key.startsWith("v:")) {
      String json = key.substring(2);
      String text = FieldsV1Keys.parseString(json);
      JsonNode value = text != null ? TextNode.valueOf(text) : parse(json);
      return value == null ? -1 : index(list).byValue(list).getOrDefault(value, -1);
    }
    return -1;
  }

  private int keyedIndex(String fieldsV1Key, JsonNode list) {
    ItemKey key = ItemKey.of(fieldsV1Key);
    return key == null ? -1 : index(list).byKey(list, key.names()).getOrDefault(key.text(), -1);
  }

  private ListIndex index(JsonNode list) {
    return indexes.computeIfAbsent(list, l -> new ListIndex());
  }

  static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException malformed) {
      // The API server writes these; a malformed one owns nothing rather than failing the diff.
      return null;
    }
  }

  /** The values of {@code names} in {@code item}, a default standing in for an absent field. */
  static String keyText(JsonNode item, List<String> names) {
    if (names.size() == 1) {
      return valueText(item.get(names.get(0)), names.get(0));
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        text.append(SEPARATOR);
      }
      text.append(valueText(item.get(names.get(i)), names.get(i)));
    }
    return text.toString();
  }

  static String scalarText(String text, String name) {
    return text.isEmpty() ? BuiltinSchemas.KEY_FIELD_DEFAULTS.getOrDefault(name, ABSENT) : text;
  }

  private static String valueText(JsonNode value, String name) {
    if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
      return BuiltinSchemas.KEY_FIELD_DEFAULTS.getOrDefault(name, ABSENT);
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** Lookups into one list, built on first use. */
  private static final class ListIndex {
    private final Map<List<String>, Map<String, Integer>> byKeyNames = new HashMap<>();
    private Map<JsonNode, Integer> byValue;

    Map<String, Integer> byKey(JsonNode list, List<String> names) {
      return byKeyNames.computeIfAbsent(
          names,
          n -> {
            Map<String, Integer> map = new HashMap<>(list.size() * 2);
            for (int i = 0; i < list.size(); i++) {
              JsonNode item = list.get(i);
              if (item.isObject()) {
                map.putIfAbsent(keyText(item, n), i);
              }
            }
            return map;
          });
    }

    Map<JsonNode, Integer> byValue(JsonNode list) {
      if (byValue == null) {
        byValue = new HashMap<>(list.size() * 2);
        for (int i = 0; i < list.size(); i++) {
          byValue.putIfAbsent(list.get(i), i);
        }
      }
      return byValue;
    }
  }
}
