package io.driftwatch.drift.diff;

/** Builds RFC 6901 JSON Pointers one reference token at a time. */
public final class JsonPointer {

  private JsonPointer() {}

  /**
   * Appends one reference token to a pointer, escaping {@code ~} as {@code ~0} and {@code /} as
   * {@code ~1} (in that order, as RFC 6901 requires).
   */
  public static String append(String pointer, String token) {
    return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /** Appends an array index to a pointer. */
  public static String append(String pointer, int index) {
    return pointer + "/" + index;
  }
}
