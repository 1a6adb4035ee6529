package io.driftwatch.drift.remediation;

import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A name pattern where {@code *} stands for any run of characters, as Argo CD's resource globs.
 * diff-engine has the same matcher but keeps it package-private; this copy stays private to the
 * package until that one is made public.
 */
final class NameGlob {

  private final String pattern;
  private final Pattern regex;

  private NameGlob(String pattern) {
    this.pattern = pattern;
    StringJoiner regex = new StringJoiner(".*");
    for (String literal : pattern.split("\\*", -1)) {
      regex.add(Pattern.quote(literal));
    }
    this.regex = Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  static NameGlob of(String pattern) {
    return new NameGlob(pattern);
  }

  boolean matches(String value) {
    return regex.matcher(value).matches();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
