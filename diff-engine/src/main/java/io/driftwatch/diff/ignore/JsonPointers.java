package io.driftwatch.diff.ignore;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON Pointers split into their unescaped reference tokens. */
final class JsonPointers {

  private JsonPointers() {}

  /**
   * The reference tokens of {@code pointer}, unescaped ({@code ~1} is {@code /}, {@code ~0} is
   * {@code ~}).
   *
   * @throws IllegalArgumentException naming the problem when {@code pointer} is not RFC 6901
   */
  static List<String> parse(String pointer) {
    if (pointer.isEmpty()) {
      return List.of();
    }
    if (pointer.charAt(0) != '/') {
      throw new IllegalArgumentException("it must start with \"/\"");
    }
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (int i = 1; i < pointer.length(); i++) {
      char c = pointer.charAt(i);
      if (c == '/') {
        tokens.add(token.toString());
        token.setLength(0);
      } else if (c == '~') {
        char next = i + 1 < pointer.length() ? pointer.charAt(i + 1) : '\0';
        if (next == '0') {
          token.append('~');
        } else if (next == '1') {
          token.append('/');
        } else {
          throw new IllegalArgumentException(
              "\"~\" at position " + i + " is not followed by 0 or 1 (write ~0 for ~, ~1 for /)");
        }
        i++;
      } else {
        token.append(c);
      }
    }
    tokens.add(token.toString());
    return tokens;
  }

  /**
   * The array index an RFC 6901 token denotes in an array of {@code size} items, or -1 when it
   * denotes none ({@code -}, leading zeros, out of range, not a number).
   */
  static int index(String token, int size) {
    int n = token.length();
    if (n == 0 || n > 10 || (n > 1 && token.charAt(0) == '0')) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value < size ? (int) value : -1;
  }
}
