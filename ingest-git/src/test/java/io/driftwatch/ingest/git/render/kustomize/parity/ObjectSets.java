package io.driftwatch.ingest.git.render.kustomize.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares two renderings as sets of objects keyed by apiVersion, kind, namespace and name, each
 * object exactly; numbers compare by value (3 and 3L are one YAML number), so the comparison is
 * about what a YAML reader sees, not about Jackson's node classes.
 */
final class ObjectSets {

  private static final int MAX_VALUE_CHARS = 160;

  private ObjectSets() {}

  /** {@code apiVersion/kind/namespace/name}, the namespace empty when the object names none. */
  static String key(JsonNode object) {
    JsonNode metadata = object.path("metadata");
    return object.path("apiVersion").asText()
        + "/"
        + object.path("kind").asText()
        + "/"
        + metadata.path("namespace").asText("")
        + "/"
        + metadata.path("name").asText();
  }

  /** The objects by key, in their order; two objects with one key are an AssertionError. */
  static Map<String, ObjectNode> byKey(List<ObjectNode> objects, String origin) {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    for (ObjectNode object : objects) {
      if (out.putIfAbsent(key(object), object) != null) {
        throw new AssertionError(origin + " holds " + key(object) + " twice");
      }
    }
    return out;
  }

  /**
   * Every way {@code actual} differs from {@code expected}: missing objects, extra objects, and for
   * each object present in both, the JSON pointers whose values differ. Empty when they are equal.
   */
  static List<String> differences(List<ObjectNode> expected, List<ObjectNode> actual) {
    Map<String, ObjectNode> want = byKey(expected, "expected");
    Map<String, ObjectNode> got = byKey(actual, "rendered");
    List<String> out = new ArrayList<>();
    for (String key : want.keySet()) {
      if (!got.containsKey(key)) {
        out.add("missing: " + key);
      }
    }
    for (String key : got.keySet()) {
      if (!want.containsKey(key)) {
        out.add("unexpected: " + key);
      }
    }
    for (Map.Entry<String, ObjectNode> entry : want.entrySet()) {
      ObjectNode other = got.get(entry.getKey());
      if (other != null) {
        List<String> fields = new ArrayList<>();
        compare("", entry.getValue(), other, fields);
        for (String field : fields) {
          out.add(entry.getKey() + " " + field);
        }
      }
    }
    return out;
  }

  /** The keys in order, to compare the order of two renderings. */
  static List<String> keys(List<ObjectNode> objects) {
    return objects.stream().map(ObjectSets::key).toList();
  }

  /** True when the two values are the same YAML value. */
  static boolean same(JsonNode a, JsonNode b) {
    List<String> out = new ArrayList<>();
    compare("", a, b, out);
    return out.isEmpty();
  }

  private static void compare(String pointer, JsonNode want, JsonNode got, List<String> out) {
    if (want.isNumber() && got.isNumber()) {
      if (want.decimalValue().compareTo(got.decimalValue()) != 0) {
        out.add(describe(pointer, want, got));
      }
      return;
    }
    if (want.getNodeType() != got.getNodeType()) {
      out.add(describe(pointer, want, got));
      return;
    }
    if (want.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      want.fieldNames().forEachRemaining(names::add);
      got.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
        JsonNode a = want.get(name);
        JsonNode b = got.get(name);
        if (a == null) {
          out.add(child + ": not expected, rendered " + show(b));
        } else if (b == null) {
          out.add(child + ": expected " + show(a) + ", not rendered");
        } else {
          compare(child, a, b, out);
        }
      }
      return;
    }
    if (want.isArray()) {
      if (want.size() != got.size()) {
        out.add(describe(pointer, want, got));
        return;
      }
      Iterator<JsonNode> a = want.elements();
      Iterator<JsonNode> b = got.elements();
      for (int i = 0; a.hasNext(); i++) {
        compare(pointer + "/" + i, a.next(), b.next(), out);
      }
      return;
    }
    if (!want.equals(got)) {
      out.add(describe(pointer, want, got));
    }
  }

  private static String describe(String pointer, JsonNode want, JsonNode got) {
    return (pointer.isEmpty() ? "/" : pointer)
        + ": expected "
        + show(want)
        + ", rendered "
        + show(got);
  }

  private static String show(JsonNode value) {
    String text = value.toString();
    return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…";
  }
}
