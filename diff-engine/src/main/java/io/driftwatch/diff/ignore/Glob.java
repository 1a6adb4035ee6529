package io.driftwatch.diff.ignore;

import java.util.regex.Pattern;

/**
 * An Argo CD style name pattern where {@code *} stands for any run of characters. Patterns without
 * a star compare by equality, so the common case costs one {@code equals}. Ignore rules and
 * drift-stream's remediation rules both match names with it.
 */
public final class Glob {

  private final String pattern;
  private final Pattern regex;

  private Glob(String pattern) {
    this.pattern = pattern;
    this.regex = pattern.indexOf('*') < 0 ? null : compile(pattern);
  }

  /** The pattern as written; {@code *} is the only special character. */
  public static Glob of(String pattern) {
    return new Glob(pattern);
  }

  /** Whether the whole of {@code value} matches. */
  public boolean matches(String value) {
    return regex == null ? pattern.equals(value) : regex.matcher(value).matches();
  }

  private static Pattern compile(String pattern) {
    StringBuilder regex = new StringBuilder();
    int start = 0;
    for (int star = pattern.indexOf('*'); star >= 0; star = pattern.indexOf('*', start)) {
      if (star > start) {
        regex.append(Pattern.quote(pattern.substring(start, star)));
      }
      regex.append(".*");
      start = star + 1;
    }
    if (start < pattern.length()) {
      regex.append(Pattern.quote(pattern.substring(start)));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  @Override
  public String toString() {
    return pattern;
  }
}
