package io.driftwatch.diff.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.diff.schema.ListKey;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The items of a live list-map by merge key, built in one pass so that matching n desired items
 * costs O(n). Items sharing a key (Kubernetes tolerates duplicate env names) are handed out in live
 * order, the k-th desired item with a key taking the k-th live item with it.
 */
final class ListMapIndex {

  private final Map<String, Object> byKey;

  ListMapIndex(JsonNode liveList, ListKey key) {
    byKey = new HashMap<>(liveList.size() * 2);
    for (int i = 0; i < liveList.size(); i++) {
      String k = key.keyOf(liveList.get(i));
      if (k == null) {
        continue;
      }
      Object existing = byKey.putIfAbsent(k, i);
      if (existing != null) {
        addDuplicate(k, existing, i);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void addDuplicate(String k, Object existing, int index) {
    ArrayDeque<Integer> queue;
    if (existing instanceof Integer) {
      queue = new ArrayDeque<>();
      queue.add((Integer) existing);
      byKey.put(k, queue);
    } else {
      queue = (ArrayDeque<Integer>) existing;
    }
    queue.add(index);
  }

  /** The index of the next unmatched live item with {@code key}, or -1 when there is none. */
  @SuppressWarnings("unchecked")
  int take(String key) {
    if (key == null) {
      return -1;
    }
    Object found = byKey.get(key);
    if (found == null) {
      return -1;
    }
    if (found instanceof Integer) {
      byKey.remove(key);
      return (Integer) found;
    }
    ArrayDeque<Integer> queue = (ArrayDeque<Integer>) found;
    Integer next = queue.poll();
    return next == null ? -1 : next;
  }
}
