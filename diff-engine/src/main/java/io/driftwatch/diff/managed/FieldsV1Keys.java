package io.driftwatch.diff.managed;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON inside {@code k:} and {@code v:} FieldsV1 keys without a JSON parser: the API
 * server writes them as flat objects of scalars ({@code {"containerPort":80,"protocol":"TCP"}}) or
 * as one string, and a general parser per key would cost more than the whole comparison. Anything
 * else yields null, and the caller falls back to Jackson.
 */
final class FieldsV1Keys {

  private FieldsV1Keys() {}

  /** A flat key object: field names and the text of their scalar values, in source order. */
  record FlatKey(List<String> names, List<String> values) {}

  /** The flat object {@code json}, or null when it is not a non-empty flat object of scalars. */
  static FlatKey parseFlatObject(String json) {
    Cursor in = new Cursor(json);
    if (!in.take('{')) {
      return null;
    }
    List<String> names = new ArrayList<>(2);
    List<String> values = new ArrayList<>(2);
    while (true) {
      String name = in.string();
      if (name == null || !in.take(':')) {
        return null;
      }
      String value = in.peek() == '"' ? in.string() : in.literal();
      if (value == null) {
        return null;
      }
      names.add(name);
      values.add(value);
      if (in.take('}')) {
        return in.atEnd() ? new FlatKey(names, values) : null;
      }
      if (!in.take(',')) {
        return null;
      }
    }
  }

  /** The string {@code json} holds when it is exactly one JSON string, or null otherwise. */
  static String parseString(String json) {
    Cursor in = new Cursor(json);
    String value = in.string();
    return value != null && in.atEnd() ? value : null;
  }

  private static final class Cursor {
    private final String text;
    private int at;

    Cursor(String text) {
      this.text = text;
    }

    private void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    char peek() {
      skipSpace();
      return at < text.length() ? text.charAt(at) : 0;
    }

    boolean take(char expected) {
      if (peek() == expected) {
        at++;
        return true;
      }
      return false;
    }

    boolean atEnd() {
      skipSpace();
      return at == text.length();
    }

    /** A number, true or false, as written; null for anything else (objects, arrays, null). */
    String literal() {
      skipSpace();
      int start = at;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == ',' || c == '}' || Character.isWhitespace(c)) {
          break;
        }
        if (c == '{' || c == '[' || c == '"') {
          return null;
        }
        at++;
      }
      String literal = text.substring(start, at);
      if (literal.isEmpty() || "null".equals(literal)) {
        return null;
      }
      char first = literal.charAt(0);
      boolean number = first == '-' || (first >= '0' && first <= '9');
      return number || "true".equals(literal) || "false".equals(literal) ? literal : null;
    }

    /** A JSON string, unescaped, or null when there is none here or it is malformed. */
    String string() {
      if (!take('"')) {
        return null;
      }
      StringBuilder out = null;
      int start = at;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c == '"') {
          String value =
              out == null ? text.substring(start, at) : out.append(text, start, at).toString();
          at++;
          return value;
        }
        if (c == '\\') {
          if (out == null) {
            out = new StringBuilder();
          }
          out.append(text, start, at);
          if (at + 1 >= text.length()) {
            return null;
          }
          char escaped = text.charAt(at + 1);
          at += 2;
          switch (escaped) {
            case '"', '\\', '/' -> out.append(escaped);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
              if (at + 4 > text.length()) {
                return null;
              }
              try {
                out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
              } catch (NumberFormatException notHex) {
                return null;
              }
              at += 4;
            }
            default -> {
              return null;
            }
          }
          start = at;
        } else {
          at++;
        }
      }
      return null;
    }
  }
}
