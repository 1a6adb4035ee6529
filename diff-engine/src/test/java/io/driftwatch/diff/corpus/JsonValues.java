package io.driftwatch.diff.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Value comparison as the corpus means it: numbers by value, everything else exactly. */
final class JsonValues {

  /** Stands, in an expected.json, for any keyed HMAC of a Secret value. */
  static final String HMAC_PLACEHOLDER = "<hmac>";

  static final String HMAC_PREFIX = "hmac-sha256:";

  private JsonValues() {}

  /**
   * True when {@code actual} is the value {@code expected} describes. Java null, JSON null and a
   * missing node are all "no value". The placeholder {@code "<hmac>"} matches any keyed HMAC.
   */
  static boolean matches(JsonNode expected, JsonNode actual) {
    boolean expectedAbsent = absent(expected);
    boolean actualAbsent = absent(actual);
    if (expectedAbsent || actualAbsent) {
      return expectedAbsent && actualAbsent;
    }
    if (expected.isTextual() && HMAC_PLACEHOLDER.equals(expected.asText())) {
      return actual.isTextual() && actual.asText().startsWith(HMAC_PREFIX);
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isObject() && actual.isObject()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : expected.properties()) {
        if (!actual.has(e.getKey()) || !matches(e.getValue(), actual.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!matches(expected.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }

  static boolean absent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }
}
