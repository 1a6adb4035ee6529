package io.driftwatch.ingest.git.render.kustomize.patch;

import static io.driftwatch.ingest.git.render.kustomize.patch.StrategicMergePatch.isMissingOrNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.render.kustomize.patch.StrategicMergePatch.Directive;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Merges a list that the schema marks as merging, the way kyaml's walker does it for kustomize:
 * elements are matched by their merge keys (a missing secondary key, such as a port's protocol,
 * matches any), the patch's elements come first and the target's others follow, an element becoming
 * null or empty is removed, and a list of primitives is merged as a set. kyaml's quirks are kept on
 * purpose because parity with {@code kubectl kustomize} is the goal: duplicate keys collapse to the
 * last element, and an element without its merge key leaves the list holding only that element.
 */
final class AssociativeList {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
  private static final List<String> PRIMITIVE = List.of("");

  private AssociativeList() {}

  static JsonNode merge(JsonNode dest, JsonNode patch, PatchSchema schema, FieldPath path)
      throws PatchException {
    JsonNode base;
    if (isMissingOrNull(dest)) {
      base = patch; // kyaml applies no list directive to a list the target lacks
    } else if (patch != null && patch.isNull()) {
      return null;
    } else {
      Directive directive =
          patch == null ? Directive.MERGE : listDirective((ArrayNode) patch, path);
      if (directive == Directive.DELETE) {
        return null;
      }
      base = directive == Directive.REPLACE ? patch : dest;
    }
    if (!(base instanceof ArrayNode list)) {
      return null;
    }
    ArrayNode patchList = patch instanceof ArrayNode p ? p : null;
    List<String> keys = schema.keys().isEmpty() ? PRIMITIVE : schema.keys();
    List<List<String>> values =
        keys == PRIMITIVE ? primitiveValues(list, patchList) : keyValues(list, patchList, keys);
    return setElements(values, keys, list, patchList, schema.element(), path);
  }

  /** A list directive is an element holding only {@code $patch}; it is removed once read. */
  private static Directive listDirective(ArrayNode patch, FieldPath path) throws PatchException {
    for (JsonNode element : patch) {
      if (element instanceof ObjectNode map && map.has(StrategicMergePatch.DIRECTIVE)) {
        if (map.size() > 1) {
          return Directive.MERGE; // the first $patch belongs to an element, not to the list
        }
        JsonNode value = map.get(StrategicMergePatch.DIRECTIVE);
        Directive directive = Directive.of(value);
        if (directive == null) {
          throw StrategicMergePatch.unknownDirective(path);
        }
        elementSetter(
            patch, null, List.of(StrategicMergePatch.DIRECTIVE), List.of(text(value)), path);
        return directive;
      }
    }
    return Directive.MERGE;
  }

  /** The merge-key values of every element, the patch's first, without repeats. */
  private static List<List<String>> keyValues(
      ArrayNode list, ArrayNode patchList, List<String> keys) {
    List<List<String>> values = new ArrayList<>();
    Set<List<String>> seen = new HashSet<>();
    for (ArrayNode source : sources(patchList, list)) {
      for (JsonNode element : source) {
        List<String> value = new ArrayList<>(keys.size());
        for (String key : keys) {
          JsonNode field = element.isObject() ? element.get(key) : null;
          value.add(field == null || isNilOrEmpty(field) ? "" : text(field));
        }
        if (seen.add(value)) {
          values.add(value);
        }
      }
    }
    return values;
  }

  private static List<List<String>> primitiveValues(ArrayNode list, ArrayNode patchList) {
    Set<String> seen = new LinkedHashSet<>();
    for (ArrayNode source : sources(patchList, list)) {
      for (JsonNode element : source) {
        seen.add(text(element));
      }
    }
    List<List<String>> values = new ArrayList<>(seen.size());
    for (String value : seen) {
      values.add(List.of(value));
    }
    return values;
  }

  private static List<ArrayNode> sources(ArrayNode first, ArrayNode second) {
    List<ArrayNode> sources = new ArrayList<>(2);
    if (first != null) {
      sources.add(first);
    }
    if (second != null && second != first) {
      sources.add(second);
    }
    return sources;
  }

  private static JsonNode setElements(
      List<List<String>> values,
      List<String> keys,
      ArrayNode list,
      ArrayNode patchList,
      PatchSchema elementSchema,
      FieldPath path)
      throws PatchException {
    if (keys.size() > 1) {
      mergeValues(values);
    }
    ArrayNode items = NODES.arrayNode();
    List<String> validKeys = keys;
    for (List<String> value : values) {
      List<String> validValues;
      List<List<String>> valid = validateKeys(values, value, keys);
      validKeys = valid.get(0);
      validValues = valid.get(1);
      List<List<String>> lookup = validateKeys(List.of(validValues), validValues, validKeys);
      FieldPath elementPath = path.element(lookup.get(0), lookup.get(1));
      JsonNode destElement = elementList(list, lookup.get(0), lookup.get(1));
      JsonNode patchElement =
          patchList == null ? null : elementList(patchList, lookup.get(0), lookup.get(1));
      JsonNode merged =
          StrategicMergePatch.walk(destElement, patchElement, elementSchema, elementPath);
      if (isMissingOrNull(merged) || isEmptyMap(merged)) {
        elementSetter(list, null, validKeys, validValues, path);
        continue;
      }
      if (merged instanceof ObjectNode map) {
        for (int i = 0; i < validKeys.size(); i++) {
          String key = validKeys.get(i);
          if (!key.isEmpty() && !map.has(key) && !validValues.get(i).isEmpty()) {
            map.set(key, scalar(validValues.get(i)));
          }
        }
      }
      elementSetter(items, merged, validKeys, validValues, path);
    }
    if (values.isEmpty()) {
      return list;
    }
    return appendList(items, list, validKeys, path);
  }

  /**
   * Treats two key tuples that differ only where one is empty as the same element (a port with and
   * without {@code protocol: TCP}), as kyaml does for lists with several keys.
   */
  private static void mergeValues(List<List<String>> values) {
    for (int i = 0; i < values.size(); i++) {
      List<String> first = values.get(i);
      for (int j = 0; j < values.size(); j++) {
        List<String> merged = match(first, values.get(j));
        if (merged != null) {
          values.set(i, merged);
          values.set(j, merged);
        }
      }
    }
  }

  private static List<String> match(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return null;
    }
    boolean common = false;
    List<String> merged = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      String x = a.get(i);
      String y = b.get(i);
      if (x.equals(y)) {
        common = true;
        merged.add(x);
      } else if (!x.isEmpty() && !y.isEmpty()) {
        return null;
      } else {
        merged.add(x.isEmpty() ? y : x);
      }
    }
    return common ? merged : null;
  }

  /**
   * The keys (and their values) an element is matched by: the keys that have a value in any element
   * of {@code all}, or every key when none has.
   */
  private static List<List<String>> validateKeys(
      List<List<String>> all, List<String> values, List<String> keys) {
    Set<String> present = new HashSet<>();
    for (List<String> tuple : all) {
      for (int i = 0; i < tuple.size(); i++) {
        if (!tuple.get(i).isEmpty()) {
          present.add(keys.get(i));
        }
      }
    }
    if (present.isEmpty()) {
      return List.of(keys, values);
    }
    List<String> validKeys = new ArrayList<>();
    for (String key : keys) {
      if (present.contains(key)) {
        validKeys.add(key);
      }
    }
    List<String> validValues = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).isEmpty() || present.contains(keys.get(i))) {
        validValues.add(values.get(i));
      }
    }
    return List.of(validKeys, validValues);
  }

  /** The first element whose keys have exactly these values (for primitives: equal text). */
  private static JsonNode elementList(ArrayNode list, List<String> keys, List<String> values) {
    if (keys.isEmpty() || keys.get(0).isEmpty()) {
      for (JsonNode element : list) {
        if (text(element).equals(values.get(0))) {
          return element;
        }
      }
      return null;
    }
    for (JsonNode element : list) {
      if (!element.isObject()) {
        continue;
      }
      boolean matches = true;
      for (int i = 0; i < keys.size() && matches; i++) {
        JsonNode field = element.get(keys.get(i));
        matches = field != null && text(field).equals(values.get(i));
      }
      if (matches) {
        return element;
      }
    }
    return null;
  }

  /**
   * Replaces every element matching the keys with {@code element} (or removes them when it is
   * null), appends it when none matches, and drops null and empty elements on the way. An empty
   * value matches any element that has the key; with no values nothing matches and only non-map
   * elements of a keyed list survive, as in kyaml.
   */
  private static void elementSetter(
      ArrayNode list, JsonNode element, List<String> keys, List<String> values, FieldPath path)
      throws PatchException {
    boolean mappingSetter = !keys.get(0).isEmpty() && !values.isEmpty() && !values.get(0).isEmpty();
    List<JsonNode> content = new ArrayList<>(list.size() + 1);
    boolean found = false;
    for (JsonNode existing : list) {
      if (isMissingOrNull(existing) || isEmptyMap(existing)) {
        continue;
      }
      if (!existing.isObject() && mappingSetter) {
        content.add(existing);
        continue;
      }
      JsonNode matched = null;
      boolean matches = true;
      for (int j = 0; j < keys.size(); j++) {
        if (j < values.size()) {
          matched = fieldMatcher(existing, keys.get(j), values.get(j), path);
        }
        if (matched == null) {
          matches = false;
          break;
        }
      }
      if (!matches) {
        if (!values.isEmpty()) {
          content.add(existing);
        }
        continue;
      }
      found = true;
      if (element != null) {
        content.add(element);
      }
    }
    list.removeAll();
    list.addAll(content);
    if (!isMissingOrNull(element) && !found) {
      list.add(element);
    }
  }

  private static JsonNode fieldMatcher(JsonNode element, String name, String value, FieldPath path)
      throws PatchException {
    if (name.isEmpty()) {
      if (element.isContainerNode()) {
        throw new PatchException(
            "cannot merge " + path + " as a set: it holds a map or a list, not only scalars");
      }
      return text(element).equals(value) ? element : null;
    }
    if (!element.isObject()) {
      throw new PatchException(
          "cannot merge " + path + " by " + name + ": it holds an element that is not a map");
    }
    JsonNode field = element.get(name);
    if (field == null) {
      return null;
    }
    return value.isEmpty() || text(field).equals(value) ? field : null;
  }

  /**
   * Puts the target's elements after the patch's: each replaces the element with its keys in {@code
   * items}, or is appended.
   */
  private static ArrayNode appendList(
      ArrayNode items, ArrayNode list, List<String> keys, FieldPath path) throws PatchException {
    for (JsonNode element : snapshot(list)) {
      if (keys.get(0).isEmpty()) {
        elementSetter(items, element, PRIMITIVE, List.of(text(element)), path);
        continue;
      }
      List<String> values = new ArrayList<>(keys.size());
      for (String key : keys) {
        JsonNode field;
        if (isMissingOrNull(element)) {
          field = null;
        } else if (element.isObject()) {
          field = element.get(key);
        } else {
          throw new PatchException(
              "cannot merge " + path + " by " + key + ": it holds an element that is not a map");
        }
        if (field == null) {
          items.add(element); // kyaml appends an element without its key before matching
          continue;
        }
        values.add(text(field));
      }
      if (keys.size() > 1) {
        elementSetter(items, null, keys, values, path);
      }
      elementSetter(items, element, keys, values, path);
    }
    return items;
  }

  private static List<JsonNode> snapshot(ArrayNode list) {
    List<JsonNode> elements = new ArrayList<>(list.size());
    list.forEach(elements::add);
    return elements;
  }

  /** The text kyaml compares: a scalar's literal, "" for a map or a list. */
  static String text(JsonNode node) {
    if (node.isNull()) {
      return "null";
    }
    return node.isValueNode() ? node.asText() : "";
  }

  private static boolean isNilOrEmpty(JsonNode node) {
    return node.isNull() || (node.isContainerNode() && node.isEmpty());
  }

  private static boolean isEmptyMap(JsonNode node) {
    return node.isObject() && node.isEmpty();
  }

  /** A merge key put back as kyaml writes it: an untagged scalar, read back by its form. */
  private static JsonNode scalar(String value) {
    if (INTEGER.matcher(value).matches()) {
      long number = Long.parseLong(value);
      return number == (int) number ? NODES.numberNode((int) number) : NODES.numberNode(number);
    }
    if (value.equals("true") || value.equals("false")) {
      return NODES.booleanNode(Boolean.parseBoolean(value));
    }
    return NODES.textNode(value);
  }
}
