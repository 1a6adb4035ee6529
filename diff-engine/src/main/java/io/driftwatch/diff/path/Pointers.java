package io.driftwatch.diff.path;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds and reads RFC 6901 JSON Pointers: {@code ~} is written {@code ~0}, {@code /} {@code ~1}.
 */
public final class Pointers {

  private Pointers() {}

  /** Appends {@code /token}, escaped, to {@code pointer}. */
  public static StringBuilder append(StringBuilder pointer, String token) {
    pointer.append('/');
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return pointer.append(token);
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '~') {
        pointer.append("~0");
      } else if (c == '/') {
        pointer.append("~1");
      } else {
        pointer.append(c);
      }
    }
    return pointer;
  }

  /** The pointer {@code parent} extended by one token. */
  public static String child(String parent, String token) {
    return append(new StringBuilder(parent), token).toString();
  }

  /** The unescaped tokens of {@code pointer}; the empty pointer (the whole document) has none. */
  public static List<String> parse(String pointer) {
    if (pointer.isEmpty()) {
      return List.of();
    }
    if (pointer.charAt(0) != '/') {
      throw new IllegalArgumentException(
          "A JSON Pointer starts with '/' (RFC 6901); got one starting with '"
              + pointer.charAt(0)
              + "'");
    }
    List<String> tokens = new ArrayList<>();
    int start = 1;
    while (true) {
      int end = pointer.indexOf('/', start);
      String raw = end < 0 ? pointer.substring(start) : pointer.substring(start, end);
      tokens.add(unescape(raw));
      if (end < 0) {
        return tokens;
      }
      start = end + 1;
    }
  }

  private static String unescape(String raw) {
    if (raw.indexOf('~') < 0) {
      return raw;
    }
    // ~1 first, then ~0, so that "~01" becomes "~1" and not "/" (RFC 6901 §4).
    return raw.replace("~1", "/").replace("~0", "~");
  }
}
