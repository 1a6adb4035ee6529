package io.driftwatch.diff.ignore;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.model.LabelSelector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * Reads a rules document into compiled rules. Every error names the origin and the entry (for
 * example {@code rules.yaml: ignoreDifferences[2].jsonPointers[0]}), the problem and the fix.
 */
final class IgnoreRulesParser {

  static final List<String> ARGO_KEYS =
      List.of(
          "group",
          "kind",
          "name",
          "namespace",
          "jsonPointers",
          "jqPathExpressions",
          "managedFieldsManagers");
  static final List<String> FLUX_KEYS = List.of("paths", "target");
  static final List<String> TARGET_KEYS =
      List.of(
          "group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector");

  private static final String ARGO_LIST = "ignoreDifferences";
  private static final String FLUX_LIST = "ignore";

  private enum Dialect {
    ARGO,
    FLUX
  }

  private final String origin;

  private IgnoreRulesParser(String origin) {
    this.origin = origin;
  }

  static List<IgnoreRule> parse(JsonNode document, String origin) {
    return new IgnoreRulesParser(origin).document(document);
  }

  private List<IgnoreRule> document(JsonNode document) {
    if (document == null || document.isNull() || document.isMissingNode()) {
      return List.of();
    }
    if (document.isArray()) {
      return entries(document, dialectOf(document), "");
    }
    if (!document.isObject()) {
      throw fail(
          origin,
          "expected a list of ignore rules or a mapping with the keys ignoreDifferences and/or"
              + " ignore, found a "
              + typeOf(document));
    }
    List<IgnoreRule> rules = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : document.properties()) {
      Dialect dialect =
          switch (field.getKey()) {
            case ARGO_LIST -> Dialect.ARGO;
            case FLUX_LIST -> Dialect.FLUX;
            default ->
                throw fail(
                    origin,
                    "unknown key \""
                        + field.getKey()
                        + "\"; a rules mapping has the keys ignoreDifferences (Argo CD entries)"
                        + " and ignore (Flux entries)");
          };
      JsonNode list = field.getValue();
      if (list.isNull()) {
        continue;
      }
      if (!list.isArray()) {
        throw fail(
            origin + ": " + field.getKey(),
            "expected a list of entries, found a " + typeOf(list) + "; write each entry as \"- \"");
      }
      rules.addAll(entries(list, dialect, field.getKey()));
    }
    return rules;
  }

  /**
   * The dialect of a bare list, told by the keys its entries use; mixing dialects in one list is an
   * error, since the two read the same key (such as {@code kind}) differently.
   */
  private Dialect dialectOf(JsonNode list) {
    Dialect dialect = null;
    int decidedBy = -1;
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String argoKey = firstKey(entry, ARGO_KEYS);
      String fluxKey = firstKey(entry, FLUX_KEYS);
      String where = origin + ": [" + i + "]";
      if (argoKey != null && fluxKey != null) {
        throw fail(
            where,
            "mixes the Argo CD key \""
                + argoKey
                + "\" and the Flux key \""
                + fluxKey
                + "\"; a Flux entry puts kind, name, namespace and group under target:");
      }
      Dialect entryDialect = argoKey != null ? Dialect.ARGO : fluxKey != null ? Dialect.FLUX : null;
      if (entryDialect == null) {
        continue;
      }
      if (dialect == null) {
        dialect = entryDialect;
        decidedBy = i;
      } else if (dialect != entryDialect) {
        throw fail(
            where,
            "is a "
                + name(entryDialect)
                + " entry in a list of "
                + name(dialect)
                + " entries (see ["
                + decidedBy
                + "]); to use both, write a mapping with the keys ignoreDifferences and ignore");
      }
    }
    if (dialect == null && !list.isEmpty()) {
      throw fail(
          origin + ": [0]",
          "cannot tell an Argo CD entry (keys "
              + String.join(", ", ARGO_KEYS)
              + ") from a Flux entry (keys "
              + String.join(", ", FLUX_KEYS)
              + ")");
    }
    return dialect;
  }

  private List<IgnoreRule> entries(JsonNode list, Dialect dialect, String listName) {
    List<IgnoreRule> rules = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String where = origin + ": " + listName + "[" + i + "]";
      JsonNode entry = list.get(i);
      if (!entry.isObject()) {
        throw fail(where, "expected a mapping, found a " + typeOf(entry));
      }
      rules.add(dialect == Dialect.ARGO ? argoEntry(entry, where) : fluxEntry(entry, where));
    }
    return rules;
  }

  private IgnoreRule argoEntry(JsonNode entry, String where) {
    checkKeys(entry, ARGO_KEYS, where, FLUX_KEYS, "it belongs to Flux entries, under ignore:");
    String kind = string(entry, "kind", where);
    if (kind == null || kind.isEmpty()) {
      throw fail(
          where,
          "missing kind; add kind: <Kind> (for example kind: Deployment), or kind: \"*\" for"
              + " every kind");
    }
    String group = string(entry, "group", where);
    String name = string(entry, "name", where);
    String namespace = string(entry, "namespace", where);
    Target target =
        new ArgoTarget(
            Glob.of(group == null ? "" : group),
            Glob.of(kind),
            name == null || name.isEmpty() ? null : Glob.of(name),
            namespace == null || namespace.isEmpty() ? null : Glob.of(namespace));
    List<List<Object>> pointers = pointers(entry, "jsonPointers", where);
    List<JqPathExpression> jqPaths = new ArrayList<>();
    List<String> expressions = strings(entry, "jqPathExpressions", where);
    for (int i = 0; i < expressions.size(); i++) {
      String expression = expressions.get(i);
      try {
        jqPaths.add(JqPathExpression.compile(expression));
      } catch (JsonQueryException e) {
        throw fail(
            where + ".jqPathExpressions[" + i + "]",
            "\""
                + expression
                + "\" does not compile: "
                + e.getMessage()
                + "; write a jq path expression, such as"
                + " .spec.template.spec.containers[] | select(.name == \"istio-proxy\")");
      }
    }
    Set<String> managers = new LinkedHashSet<>(strings(entry, "managedFieldsManagers", where));
    if (pointers.isEmpty() && jqPaths.isEmpty() && managers.isEmpty()) {
      throw fail(
          where, "ignores nothing; add jsonPointers, jqPathExpressions or managedFieldsManagers");
    }
    return new IgnoreRule(target, pointers, jqPaths, managers);
  }

  private IgnoreRule fluxEntry(JsonNode entry, String where) {
    checkKeys(
        entry,
        FLUX_KEYS,
        where,
        ARGO_KEYS,
        "it belongs to Argo CD entries, under ignoreDifferences:");
    List<List<Object>> paths = pointers(entry, "paths", where);
    if (paths.isEmpty()) {
      throw fail(
          where,
          "missing paths; add paths: with the JSON Pointers to ignore, such as /spec/replicas");
    }
    JsonNode target = entry.get("target");
    if (target == null || target.isNull()) {
      return new IgnoreRule(FluxTarget.ANY, paths, List.of(), Set.of());
    }
    String at = where + ".target";
    if (!target.isObject()) {
      throw fail(at, "expected a mapping of " + String.join(", ", TARGET_KEYS));
    }
    checkKeys(target, TARGET_KEYS, at, List.of(), "");
    return new IgnoreRule(
        new FluxTarget(
            regex(target, "group", at),
            regex(target, "version", at),
            regex(target, "kind", at),
            regex(target, "name", at),
            regex(target, "namespace", at),
            selector(target, "labelSelector", at),
            selector(target, "annotationSelector", at)),
        paths,
        List.of(),
        Set.of());
  }

  private List<List<Object>> pointers(JsonNode entry, String key, String where) {
    List<String> texts = strings(entry, key, where);
    List<List<Object>> pointers = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      String at = where + "." + key + "[" + i + "]";
      if (text.isEmpty()) {
        throw fail(
            at,
            "the empty JSON Pointer is the whole object; to stop comparing an object, annotate it"
                + " driftwatch.io/ignore: \"true\"");
      }
      try {
        pointers.add(List.copyOf(JsonPointers.parse(text)));
      } catch (IllegalArgumentException e) {
        throw fail(
            at,
            "\""
                + text
                + "\" is not an RFC 6901 JSON Pointer: "
                + e.getMessage()
                + "; write it as /spec/replicas, with ~1 for a / and ~0 for a ~ inside a key");
      }
    }
    return pointers;
  }

  private Pattern regex(JsonNode target, String key, String where) {
    String text = string(target, key, where);
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      throw fail(
          where + "." + key,
          "\""
              + text
              + "\" is not a valid regular expression: "
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + "; it is matched against the whole value, such as Deployment or apps|batch");
    }
  }

  private LabelSelector selector(JsonNode target, String key, String where) {
    String text = string(target, key, where);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LabelSelector.parse(text);
    } catch (IllegalArgumentException e) {
      throw fail(
          where + "." + key,
          "\""
              + text
              + "\" is not a valid selector: "
              + e.getMessage()
              + "; write requirements such as app=web,tier in (a,b),!canary");
    }
  }

  private void checkKeys(
      JsonNode entry, List<String> known, String where, List<String> other, String otherHint) {
    for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        String hint = other.contains(key) ? " (" + otherHint + ")" : "";
        throw fail(
            where,
            "unknown key \""
                + key
                + "\""
                + hint
                + "; the known keys are "
                + String.join(", ", known));
      }
    }
  }

  private String string(JsonNode entry, String key, String where) {
    JsonNode value = entry.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode() || value.isBinary()) {
      throw fail(where + "." + key, "expected a string, found a " + typeOf(value));
    }
    return value.asText();
  }

  private List<String> strings(JsonNode entry, String key, String where) {
    JsonNode value = entry.get(key);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw fail(
          where + "." + key,
          "expected a list of strings, found a " + typeOf(value) + "; write each item as \"- \"");
    }
    List<String> strings = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()) {
        throw fail(where + "." + key + "[" + i + "]", "expected a string, found a " + typeOf(item));
      }
      strings.add(item.textValue());
    }
    return strings;
  }

  private static String firstKey(JsonNode entry, List<String> keys) {
    for (String key : keys) {
      if (entry.has(key)) {
        return key;
      }
    }
    return null;
  }

  private static String name(Dialect dialect) {
    return dialect == Dialect.ARGO ? "Argo CD ignoreDifferences" : "Flux ignore";
  }

  private static String typeOf(JsonNode node) {
    if (node.isObject()) {
      return "mapping";
    }
    if (node.isArray()) {
      return "list";
    }
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static IllegalArgumentException fail(String where, String problem) {
    return new IllegalArgumentException(where + ": " + problem);
  }
}
