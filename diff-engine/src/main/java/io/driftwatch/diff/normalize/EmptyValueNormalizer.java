package io.driftwatch.diff.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Removes fields whose value is {@code {}}, {@code []} or {@code ""} (after their own empty fields
 * are removed), so that empty and absent compare equal. List items are never removed: that would
 * shift positions. On the desired side an explicit {@code null} is kept, because it means "must not
 * be set"; on the live side a {@code null} is absent and is removed too.
 */
public final class EmptyValueNormalizer {

  private EmptyValueNormalizer() {}

  /** Normalises a desired manifest in place, keeping explicit nulls. */
  public static void normalizeDesired(ObjectNode manifest) {
    strip(manifest, true);
  }

  /** Normalises a live manifest in place, removing nulls as absent. */
  public static void normalizeLive(ObjectNode manifest) {
    strip(manifest, false);
  }

  private static void strip(JsonNode node, boolean keepNulls) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        JsonNode value = it.next().getValue();
        if (value.isContainerNode()) {
          strip(value, keepNulls);
        }
        if (isEmpty(value, keepNulls)) {
          it.remove();
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        if (item.isContainerNode()) {
          strip(item, keepNulls);
        }
      }
    }
  }

  private static boolean isEmpty(JsonNode value, boolean keepNulls) {
    if (value.isContainerNode()) {
      return value.isEmpty();
    }
    if (value.isTextual()) {
      return value.textValue().isEmpty();
    }
    return value.isNull() && !keepNulls;
  }
}
