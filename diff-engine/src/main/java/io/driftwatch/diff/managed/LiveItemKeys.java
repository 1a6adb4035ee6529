package io.driftwatch.diff.managed;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds the item of a live list that a FieldsV1 item key ({@code k:}, {@code v:}, {@code i:})
 * names, with the live list read in place rather than normalised, for the engine's in-sync check.
 * It answers only where the raw list and its normalised copy must give the same item: keys of
 * scalar values, matched against items whose key values are scalars (normalising never changes a
 * scalar list item or a scalar key field's identity). Anything else is {@link #UNSURE}, and the
 * engine then takes the full path. Not thread-safe: one per comparison.
 */
public final class LiveItemKeys {

  /** The key cannot be resolved with certainty on the raw list. */
  public static final int UNSURE = -2;

  private final FieldsV1Resolver resolver = new FieldsV1Resolver();

  /** The index in {@code list} of the item {@code key} names, -1 for none, or {@link #UNSURE}. */
  public int indexOf(String key, JsonNode list) {
    if (key.startsWith("k:")) {
      ItemKey parsed = ItemKey.of(key);
      if (parsed == null) {
        return -1;
      }
      if (!parsed.flat()) {
        return UNSURE;
      }
      int index = resolver.itemIndex(key, list);
      if (index >= 0) {
        JsonNode item = list.get(index);
        for (String name : parsed.names()) {
          JsonNode value = item.get(name);
          if (value != null && value.isContainerNode()) {
            return UNSURE;
          }
        }
      }
      return index;
    }
    if (key.startsWith("v:")) {
      String json = key.substring(2);
      if (FieldsV1Keys.parseString(json) == null) {
        JsonNode value = FieldsV1Resolver.parse(json);
        if (value == null || value.isContainerNode()) {
          return UNSURE;
        }
      }
      return resolver.itemIndex(key, list);
    }
    return resolver.itemIndex(key, list);
  }
}
