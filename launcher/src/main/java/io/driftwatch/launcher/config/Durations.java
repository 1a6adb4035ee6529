package io.driftwatch.launcher.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them in YAML ({@code 30s}, {@code 500ms}, {@code 5m}, {@code 1h})
 * or ISO-8601.
 */
final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  /** The duration, or null when the text is not one. */
  static Duration parse(String text) {
    String trimmed = text.trim();
    Matcher m = SHORT.matcher(trimmed);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(trimmed);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The duration written at {@code key}, or {@code fallback} when it is absent; when it is not a
   * duration (or not a positive one where zero is not allowed), a problem naming the key, the form
   * and the default is added and {@code fallback} returned.
   */
  static Duration read(
      List<String> problems, String key, String text, Duration fallback, boolean zeroAllowed) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    Duration parsed = parse(text);
    if (parsed == null || parsed.isNegative() || (parsed.isZero() && !zeroAllowed)) {
      problems.add(
          key
              + ": '"
              + text
              + "' is not a "
              + (zeroAllowed ? "duration" : "positive duration")
              + "; write e.g. 2s, 500ms or 5m, or leave it out for the default "
              + show(fallback));
      return fallback;
    }
    return parsed;
  }

  /** A duration as it would be written in the file: {@code 2s}, {@code 5m}, {@code 330s}. */
  static String show(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = duration.toSeconds();
    if (seconds != 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
