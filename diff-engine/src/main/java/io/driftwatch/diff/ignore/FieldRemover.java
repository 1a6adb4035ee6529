package io.driftwatch.diff.ignore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Removes a set of fields from a document. Every path is resolved against the document as it was
 * before any removal, so two paths into one list mean the items they named; removal then goes
 * deepest and highest index first, so an earlier removal never shifts a later one.
 */
final class FieldRemover {

  /**
   * Resolved paths in jq's order: parents before children, lower indices before higher. Two paths
   * that agree up to a position share the parent there, so their tokens there have the same type.
   */
  private static final Comparator<List<Object>> ORDER =
      (a, b) -> {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
          int c = compareTokens(a.get(i), b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.size(), b.size());
      };

  private FieldRemover() {}

  /**
   * Removes from {@code document} every path in {@code paths} that exists in it. A path is a list
   * of tokens: a {@link String} is an object field name or an RFC 6901 array index, an {@link
   * Integer} (from jq) an array index, negative counting from the end. Missing paths and the empty
   * path (the document itself) are skipped.
   */
  static void remove(ObjectNode document, Collection<List<Object>> paths) {
    TreeSet<List<Object>> resolved = new TreeSet<>(ORDER);
    for (List<Object> path : paths) {
      List<Object> steps = resolve(document, path);
      if (steps != null && !steps.isEmpty()) {
        resolved.add(steps);
      }
    }
    for (Iterator<List<Object>> it = resolved.descendingIterator(); it.hasNext(); ) {
      delete(document, it.next());
    }
  }

  /** The path as field names and non-negative indices, or null when it does not exist. */
  private static List<Object> resolve(JsonNode document, List<Object> path) {
    JsonNode node = document;
    List<Object> steps = new ArrayList<>(path.size());
    for (Object token : path) {
      if (node instanceof ObjectNode object && token instanceof String field) {
        node = object.get(field);
        if (node == null) {
          return null;
        }
        steps.add(field);
      } else if (node instanceof ArrayNode array) {
        int index = arrayIndex(token, array.size());
        if (index < 0) {
          return null;
        }
        node = array.get(index);
        steps.add(index);
      } else {
        return null;
      }
    }
    return steps;
  }

  private static int arrayIndex(Object token, int size) {
    if (token instanceof String text) {
      return JsonPointers.index(text, size);
    }
    if (token instanceof Integer number) {
      int index = number < 0 ? size + number : number;
      return index >= 0 && index < size ? index : -1;
    }
    return -1;
  }

  private static void delete(ObjectNode document, List<Object> steps) {
    JsonNode parent = document;
    for (int i = 0; i < steps.size() - 1; i++) {
      Object step = steps.get(i);
      parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
    }
    Object last = steps.get(steps.size() - 1);
    if (parent instanceof ArrayNode array) {
      array.remove((Integer) last);
    } else {
      ((ObjectNode) parent).remove((String) last);
    }
  }

  private static int compareTokens(Object a, Object b) {
    if (a instanceof Integer x && b instanceof Integer y) {
      return Integer.compare(x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    return a instanceof Integer ? -1 : 1;
  }
}
