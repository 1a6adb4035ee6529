package io.driftwatch.ingest.git.render.kustomize.generate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON tree byte for byte as Go's {@code encoding/json} marshals the equivalent {@code
 * map[string]interface{}}: object keys sorted by code point, no whitespace, HTML characters and
 * U+2028/U+2029 escaped, numbers as float64. kustomize hashes that text, so one differing byte
 * changes every generated name.
 */
final class GoJsonEncoder {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoJsonEncoder() {}

  static String encode(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  static void write(JsonNode node, StringBuilder out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
      fields.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
      out.append('{');
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeString(fields.get(i).getKey(), out);
        out.append(':');
        write(fields.get(i).getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else if (node.isNumber()) {
      // kustomize reaches these values through YAML -> interface{} -> JSON -> interface{}, so
      // every number is a float64 by the time it is marshalled.
      out.append(formatFloat64(node.doubleValue()));
    } else {
      writeString(node.asText(), out);
    }
  }

  /** Go's map key order: byte order of the UTF-8 encoding, which is code point order. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '<', '>', '&', 0x2028, 0x2029 -> unicodeEscape(cp, out);
        default -> {
          if (cp < 0x20) {
            unicodeEscape(cp, out);
          } else if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
            // A lone surrogate is not UTF-8; Go writes the replacement character for it.
            out.append("\\ufffd");
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    }
    out.append('"');
  }

  private static void unicodeEscape(int cp, StringBuilder out) {
    out.append("\\u")
        .append(HEX[(cp >> 12) & 0xF])
        .append(HEX[(cp >> 8) & 0xF])
        .append(HEX[(cp >> 4) & 0xF])
        .append(HEX[cp & 0xF]);
  }

  /**
   * The fewest significant digits that read back as the same double, as Go's strconv finds them.
   * Double.toString is not enough on Java 17: it prints 1e23 as 9.999999999999999E22.
   */
  static BigDecimal shortestDecimal(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int digits = 1; digits < 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == value) {
        return rounded.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  /** strconv.FormatFloat as encoding/json calls it: shortest digits, 'e' outside [1e-6, 1e21). */
  static String formatFloat64(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      // Go refuses to marshal these; YAML can spell them (.nan, .inf) but kustomize fails there.
      throw new IllegalArgumentException("a NaN or infinite number cannot be hashed");
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0" : "0";
    }
    BigDecimal shortest = shortestDecimal(value);
    double abs = Math.abs(value);
    if (abs >= 1e-6 && abs < 1e21) {
      return shortest.toPlainString();
    }
    // Go's %e with shortest digits: d[.ddd]e±XX, exponent at least two digits, then encoding/json
    // trims "e-07" to "e-7".
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    StringBuilder out = new StringBuilder();
    if (value < 0) {
      out.append('-');
    }
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    out.append('e').append(exponent < 0 ? '-' : '+');
    int magnitude = Math.abs(exponent);
    if (magnitude < 10 && exponent >= 0) {
      out.append('0');
    }
    out.append(magnitude);
    return out.toString();
  }
}
