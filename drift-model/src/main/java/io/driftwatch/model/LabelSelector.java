package io.driftwatch.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector in its string form, as Flux's {@code labelSelector} and {@code
 * annotationSelector} take it: requirements {@code a=b}, {@code a==b}, {@code a!=b}, {@code a in
 * (x,y)}, {@code a notin (x)}, {@code a}, {@code !a}, joined by commas (all must hold). The empty
 * selector matches every object.
 */
public final class LabelSelector {

  private static final String NAME = "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?";
  private static final Pattern KEY = Pattern.compile("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?" + NAME);
  private static final Pattern VALUE = Pattern.compile("(" + NAME + ")?");
  private static final Pattern SET =
      Pattern.compile("(\\S+?)\\s+(in|notin)\\s*\\((.*)\\)", Pattern.DOTALL);

  private enum Operator {
    EXISTS,
    DOES_NOT_EXIST,
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN
  }

  private record Requirement(String key, Operator operator, Set<String> values) {

    boolean matches(JsonNode map) {
      JsonNode node = map.get(key);
      String value = node == null || node.isNull() ? null : node.asText();
      return switch (operator) {
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
        case EQUALS, IN -> value != null && values.contains(value);
        case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
      };
    }
  }

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = requirements;
  }

  /**
   * Parses a selector.
   *
   * @throws IllegalArgumentException naming the problem when the text is not a valid selector
   */
  public static LabelSelector parse(String text) {
    List<Requirement> requirements = new ArrayList<>();
    for (String part : splitTopLevel(text)) {
      requirements.add(requirement(part.trim()));
    }
    return new LabelSelector(List.copyOf(requirements));
  }

  /** Whether the labels (or annotations) {@code map}, an object or a missing node, match. */
  public boolean matches(JsonNode map) {
    for (Requirement requirement : requirements) {
      if (!requirement.matches(map)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    if (text.isBlank()) {
      return parts;
    }
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        if (++depth > 1) {
          throw new IllegalArgumentException("nested \"(\" at position " + i);
        }
      } else if (c == ')') {
        if (--depth < 0) {
          throw new IllegalArgumentException("\")\" at position " + i + " closes nothing");
        }
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("a \"(\" is never closed");
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static Requirement requirement(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty requirement (a stray comma?)");
    }
    Matcher set = SET.matcher(text);
    if (set.matches()) {
      Set<String> values = new LinkedHashSet<>();
      if (!set.group(3).isBlank()) {
        for (String value : set.group(3).split(",", -1)) {
          values.add(value(value.trim(), text));
        }
      }
      if (values.isEmpty()) {
        throw new IllegalArgumentException(
            "\"" + text + "\": " + set.group(2) + " needs at least one value, as in (a,b)");
      }
      Operator operator = set.group(2).equals("in") ? Operator.IN : Operator.NOT_IN;
      return new Requirement(key(set.group(1), text), operator, Set.copyOf(values));
    }
    if (text.startsWith("!") && text.indexOf('=') < 0) {
      return new Requirement(
          key(text.substring(1).trim(), text), Operator.DOES_NOT_EXIST, Set.of());
    }
    int notEquals = text.indexOf("!=");
    if (notEquals >= 0) {
      return binary(text, notEquals, 2, Operator.NOT_EQUALS);
    }
    int equals = text.indexOf('=');
    if (equals >= 0) {
      int width = text.startsWith("==", equals) ? 2 : 1;
      return binary(text, equals, width, Operator.EQUALS);
    }
    return new Requirement(key(text, text), Operator.EXISTS, Set.of());
  }

  private static Requirement binary(String text, int at, int width, Operator operator) {
    String key = key(text.substring(0, at).trim(), text);
    String value = value(text.substring(at + width).trim(), text);
    return new Requirement(key, operator, Set.of(value));
  }

  private static String key(String key, String requirement) {
    if (!KEY.matcher(key).matches() || key.length() > 316) {
      throw new IllegalArgumentException(
          "\""
              + requirement
              + "\": \""
              + key
              + "\" is not a valid key (a name of letters, digits, '-', '_', '.', optionally"
              + " prefixed by a DNS name and '/'); the operators are =, ==, !=, in, notin and !");
    }
    return key;
  }

  private static String value(String value, String requirement) {
    if (!VALUE.matcher(value).matches() || value.length() > 63) {
      throw new IllegalArgumentException(
          "\""
              + requirement
              + "\": \""
              + value
              + "\" is not a valid value (at most 63 letters, digits, '-', '_', '.',"
              + " starting and ending with a letter or digit)");
    }
    return value;
  }
}
