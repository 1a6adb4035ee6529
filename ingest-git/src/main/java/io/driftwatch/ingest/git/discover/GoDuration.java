package io.driftwatch.ingest.git.discover;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's duration strings as Flux and Kubernetes write them ({@code 1m}, {@code 5m0s}, {@code 1h30m},
 * {@code 500ms}, {@code 1.5h}); fractions and the units ns, us, µs, ms, s, m, h.
 */
final class GoDuration {

  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

  private GoDuration() {}

  /** The duration, or null when {@code text} is not a non-negative Go duration. */
  static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.strip();
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(s);
    double nanos = 0;
    int end = 0;
    while (m.lookingAt()) {
      nanos += Double.parseDouble(m.group(1)) * nanosPer(m.group(2));
      end = m.end();
      m.region(end, s.length());
    }
    if (end != s.length() || end == 0) {
      return null;
    }
    return Duration.ofNanos(Math.round(nanos));
  }

  private static double nanosPer(String unit) {
    return switch (unit) {
      case "ns" -> 1;
      case "us", "µs" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      default -> 3600e9;
    };
  }
}
