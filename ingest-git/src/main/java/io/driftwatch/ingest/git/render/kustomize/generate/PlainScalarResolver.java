package io.driftwatch.ingest.git.render.kustomize.generate;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether go-yaml v3 reads an untagged plain scalar as something other than a string. kustomize
 * writes generated data keys as untagged scalars and decodes the object again before printing, so a
 * key such as {@code 1}, {@code true}, {@code null}, {@code 1.5e3} or {@code 2001-01-01} stops
 * {@code kubectl kustomize} ("json: unsupported type"); the generator refuses those keys in the
 * same cases. Resolution follows go-yaml v3 (YAML 1.2 core schema plus its 1.1 leftovers: {@code
 * 0777} octals, underscores in numbers, timestamps); {@code yes}, {@code on} and {@code y} stay
 * strings.
 */
final class PlainScalarResolver {

  private static final Set<String> SPECIAL =
      Set.of(
          "true", "True", "TRUE", "false", "False", "FALSE", "~", "null", "Null", "NULL", ".nan",
          ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf",
          "-.INF", "<<");
  private static final Pattern YAML_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern GO_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+\\.?[0-9]*)([eE][-+]?[0-9]+)?");
  private static final String DATE = "(\\d{4})-(\\d{1,2})-(\\d{1,2})";
  private static final String TIME = "(\\d{1,2}):(\\d{1,2}):(\\d{1,2})([.,]\\d+)?";
  private static final Pattern DATE_ONLY = Pattern.compile(DATE);
  private static final Pattern DATE_TIME_ZONE =
      Pattern.compile(DATE + "[Tt]" + TIME + "(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern DATE_SPACE_TIME = Pattern.compile(DATE + " " + TIME);
  private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private PlainScalarResolver() {}

  static boolean resolvesToString(String plain) {
    if (plain.isEmpty() || SPECIAL.contains(plain)) {
      // The empty scalar is null.
      return false;
    }
    char hint = plain.charAt(0);
    if (hint == '.') {
      return !isGoFloat(plain);
    }
    if (hint != '+' && hint != '-' && (hint < '0' || hint > '9')) {
      return true;
    }
    if (isTimestamp(plain)) {
      return false;
    }
    String digits = plain.replace("_", "");
    return !isGoInteger(digits) && !(YAML_FLOAT.matcher(digits).matches() && isGoFloat(digits));
  }

  /** strconv.ParseInt or ParseUint with base 0 (sign, 0x / 0o / 0b / leading-0 prefixes). */
  private static boolean isGoInteger(String s) {
    boolean signed = s.startsWith("+") || s.startsWith("-");
    boolean negative = s.startsWith("-");
    String body = signed ? s.substring(1) : s;
    int radix = 10;
    String digits = body;
    String lower = body.toLowerCase(Locale.ROOT);
    if (lower.startsWith("0x")) {
      radix = 16;
      digits = body.substring(2);
    } else if (lower.startsWith("0b")) {
      radix = 2;
      digits = body.substring(2);
    } else if (lower.startsWith("0o")) {
      radix = 8;
      digits = body.substring(2);
    } else if (body.length() > 1 && body.charAt(0) == '0') {
      radix = 8;
      digits = body.substring(1);
    }
    if (digits.isEmpty()) {
      return false;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 'z') {
        return false;
      }
    }
    BigInteger value = new BigInteger(digits, radix);
    if (!signed) {
      return value.compareTo(UINT64_MAX) <= 0;
    }
    return negative
        ? value.compareTo(INT64_MAX.add(BigInteger.ONE)) <= 0
        : value.compareTo(INT64_MAX) <= 0;
  }

  /** strconv.ParseFloat without a range error, for the decimal spellings YAML lets through. */
  private static boolean isGoFloat(String s) {
    if (!GO_FLOAT.matcher(s).matches()) {
      return false;
    }
    double value = Double.parseDouble(s);
    return !Double.isInfinite(value);
  }

  /** go-yaml v3's timestamp layouts, as time.Parse accepts them (calendar-checked). */
  private static boolean isTimestamp(String s) {
    if (s.length() < 5 || !s.substring(0, 4).chars().allMatch(Character::isDigit)) {
      return false;
    }
    if (s.charAt(4) != '-') {
      return false;
    }
    for (Pattern layout : new Pattern[] {DATE_ONLY, DATE_TIME_ZONE, DATE_SPACE_TIME}) {
      Matcher m = layout.matcher(s);
      if (m.matches() && validDate(m) && (layout == DATE_ONLY || validTime(m))) {
        return true;
      }
    }
    return false;
  }

  private static boolean validDate(Matcher m) {
    try {
      LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static boolean validTime(Matcher m) {
    return Integer.parseInt(m.group(4)) < 24
        && Integer.parseInt(m.group(5)) < 60
        && Integer.parseInt(m.group(6)) < 60;
  }
}
