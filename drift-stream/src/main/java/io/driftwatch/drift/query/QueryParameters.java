package io.driftwatch.drift.query;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a query string. A parameter may repeat or hold a comma-separated list; a
 * malformed value is a {@link BadQueryException} naming the parameter.
 */
public final class QueryParameters {

  private final Map<String, List<String>> values;

  private QueryParameters(Map<String, List<String>> values) {
    this.values = values;
  }

  /** No parameters. */
  public static QueryParameters none() {
    return new QueryParameters(Map.of());
  }

  /** Parses a raw (still percent-encoded) query string; null or empty is no parameters. */
  public static QueryParameters parse(String rawQuery) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return new QueryParameters(values);
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return new QueryParameters(values);
  }

  /** The parameter's value, or empty when absent or empty; its first value when repeated. */
  public Optional<String> string(String name) {
    List<String> all = values.getOrDefault(name, List.of());
    return all.stream().map(String::strip).filter(v -> !v.isEmpty()).findFirst();
  }

  /** Every value of a parameter, repeated or comma-separated, in order; empty when absent. */
  public List<String> list(String name) {
    List<String> out = new ArrayList<>();
    for (String value : values.getOrDefault(name, List.of())) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          out.add(item.strip());
        }
      }
    }
    return out;
  }

  /**
   * An integer parameter within [{@code min}, {@code max}], or {@code fallback} when absent.
   *
   * @throws BadQueryException when it is not such an integer
   */
  public int integer(String name, int fallback, int min, int max) {
    Optional<String> text = string(name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadQueryException(
        "Parameter '"
            + name
            + "' must be a whole number from "
            + min
            + " to "
            + max
            + ", was '"
            + text.get()
            + "'");
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadQueryException(
          "The query string is not valid percent-encoding near '" + text + "': " + e.getMessage());
    }
  }
}
