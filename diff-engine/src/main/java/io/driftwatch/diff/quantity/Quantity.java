package io.driftwatch.diff.quantity;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Parses a Kubernetes quantity (sign, digits, optional decimal point, then a binary suffix {@code
 * Ki..Ei}, a decimal suffix {@code n u m k M G T P E} or an exponent {@code e3}/{@code E-3}) to its
 * exact value. Text outside that grammar has no value and is compared as written.
 */
public final class Quantity {

  /** Longer text is not a quantity any API server accepts; refusing it bounds the work. */
  private static final int MAX_LENGTH = 64;

  /** Exponents beyond this are far outside what Kubernetes can store. */
  private static final int MAX_EXPONENT = 1000;

  private static final BigDecimal KIBI = BigDecimal.valueOf(1024);

  private Quantity() {}

  /** The value of {@code text}, or empty when it is not a quantity. */
  public static Optional<BigDecimal> parse(String text) {
    return Optional.ofNullable(valueOf(text));
  }

  /**
   * The value of a quantity written as a JSON number or a string, or null when it is neither a
   * finite number nor valid quantity text.
   */
  public static BigDecimal valueOf(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isNumber()) {
      if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
        return null;
      }
      return node.decimalValue();
    }
    return node.isTextual() ? valueOf(node.textValue()) : null;
  }

  /** The value of {@code text}, or null when it is not a quantity. */
  public static BigDecimal valueOf(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
      return null;
    }
    int length = text.length();
    int i = 0;
    if (text.charAt(0) == '+' || text.charAt(0) == '-') {
      i++;
    }
    int digits = 0;
    while (i < length && isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < length && text.charAt(i) == '.') {
      i++;
      while (i < length && isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return null;
    }
    BigDecimal number = new BigDecimal(text.substring(0, i));
    return applySuffix(number, text, i);
  }

  private static BigDecimal applySuffix(BigDecimal number, String text, int start) {
    int rest = text.length() - start;
    if (rest == 0) {
      return number;
    }
    char first = text.charAt(start);
    if (rest == 1) {
      int power = decimalPower(first);
      return power == Integer.MIN_VALUE ? null : number.scaleByPowerOfTen(power);
    }
    if (rest == 2 && text.charAt(start + 1) == 'i') {
      int binary = binaryPower(first);
      return binary < 0 ? null : number.multiply(KIBI.pow(binary));
    }
    if (first == 'e' || first == 'E') {
      Integer exponent = exponent(text, start + 1);
      return exponent == null ? null : number.scaleByPowerOfTen(exponent);
    }
    return null;
  }

  /** The power of ten of a one-letter decimal suffix, or MIN_VALUE when it is none. */
  private static int decimalPower(char suffix) {
    switch (suffix) {
      case 'n':
        return -9;
      case 'u':
        return -6;
      case 'm':
        return -3;
      case 'k':
        return 3;
      case 'M':
        return 6;
      case 'G':
        return 9;
      case 'T':
        return 12;
      case 'P':
        return 15;
      case 'E':
        return 18;
      default:
        return Integer.MIN_VALUE;
    }
  }

  /** The power of 1024 of a binary suffix's first letter, or -1 when it is none. */
  private static int binaryPower(char first) {
    switch (first) {
      case 'K':
        return 1;
      case 'M':
        return 2;
      case 'G':
        return 3;
      case 'T':
        return 4;
      case 'P':
        return 5;
      case 'E':
        return 6;
      default:
        return -1;
    }
  }

  private static Integer exponent(String text, int start) {
    int i = start;
    boolean negative = false;
    if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    if (i == text.length()) {
      return null;
    }
    int value = 0;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return null;
      }
      value = value * 10 + (c - '0');
      if (value > MAX_EXPONENT) {
        return null;
      }
    }
    return negative ? -value : value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
