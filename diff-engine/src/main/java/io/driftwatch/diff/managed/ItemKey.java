package io.driftwatch.diff.managed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A FieldsV1 list-map key ({@code k:{"containerPort":80,"protocol":"TCP"}}) read once: its field
 * names sorted, and the text an item must have under them (as {@link FieldsV1Resolver#keyText}
 * gives it). The same keys come back with every change of an object, and parsing them was most of
 * the cost of resolving a list, so parsed keys are kept; the cache is bounded, past the bound keys
 * are parsed each time.
 *
 * @param names the key's field names, sorted
 * @param text the item's identity under those names
 * @param flat true when every value is a scalar (the key was read without Jackson)
 */
record ItemKey(List<String> names, String text, boolean flat) {

  private static final int MAX_CACHED = 20_000;

  /** Stands for a key that is not a non-empty JSON object, which names no item. */
  private static final ItemKey INVALID = new ItemKey(List.of(), "", false);

  private static final ConcurrentHashMap<String, ItemKey> PARSED = new ConcurrentHashMap<>();

  /**
   * The key {@code fieldsV1Key} ({@code k:} and its JSON) names, or null when it names no item.
   * Cached by the whole FieldsV1 key, which Jackson hands out as the same string each time, so a
   * hit costs no new string.
   */
  static ItemKey of(String fieldsV1Key) {
    ItemKey key = PARSED.get(fieldsV1Key);
    if (key == null) {
      key = parse(fieldsV1Key.substring(2));
      if (PARSED.size() < MAX_CACHED) {
        PARSED.putIfAbsent(fieldsV1Key, key);
      }
    }
    return key == INVALID ? null : key;
  }

  private static ItemKey parse(String json) {
    FieldsV1Keys.FlatKey flat = FieldsV1Keys.parseFlatObject(json);
    if (flat != null) {
      List<String> names = flat.names();
      if (names.size() == 1) {
        return new ItemKey(
            List.copyOf(names),
            FieldsV1Resolver.scalarText(flat.values().get(0), names.get(0)),
            true);
      }
      List<String> sorted = new ArrayList<>(names);
      Collections.sort(sorted);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < sorted.size(); i++) {
        if (i > 0) {
          text.append(FieldsV1Resolver.SEPARATOR);
        }
        String name = sorted.get(i);
        text.append(FieldsV1Resolver.scalarText(flat.values().get(names.indexOf(name)), name));
      }
      return new ItemKey(List.copyOf(sorted), text.toString(), true);
    }
    JsonNode parsed = FieldsV1Resolver.parse(json);
    if (parsed == null || !parsed.isObject() || parsed.isEmpty()) {
      return INVALID;
    }
    List<String> names = new ArrayList<>(parsed.size());
    parsed.fieldNames().forEachRemaining(names::add);
    Collections.sort(names);
    return new ItemKey(List.copyOf(names), FieldsV1Resolver.keyText(parsed, names), false);
  }
}
