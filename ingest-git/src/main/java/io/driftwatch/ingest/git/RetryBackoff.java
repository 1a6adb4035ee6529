package io.driftwatch.ingest.git;

import java.time.Duration;

/**
 * When a failing source is tried again: after the first failure {@code initial}, doubling with each
 * further failure up to {@code max}. A source that fails is retried on this schedule instead of its
 * poll interval, so an hourly source recovers within seconds of a fix and a broken one does not
 * hammer its Git server; the first success puts it back on its poll interval.
 *
 * @param initial the delay after the first failure
 * @param max the longest delay, however many failures follow
 */
public record RetryBackoff(Duration initial, Duration max) {

  /** 10 s, 20 s, 40 s ... capped at 5 minutes. */
  public static final RetryBackoff DEFAULT =
      new RetryBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5));

  public RetryBackoff {
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial retry delay must be positive, not " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "maximum retry delay " + max + " is shorter than the initial delay " + initial);
    }
  }

  /**
   * The delay before the next attempt after {@code consecutiveFailures} failed attempts in a row.
   *
   * @param consecutiveFailures at least 1
   */
  public Duration delayAfter(int consecutiveFailures) {
    if (consecutiveFailures < 1) {
      throw new IllegalArgumentException("no failure to back off from: " + consecutiveFailures);
    }
    // Shift at most 30 times: beyond that the cap has long been reached and the long overflows.
    int doublings = Math.min(consecutiveFailures - 1, 30);
    long millis = initial.toMillis() << doublings;
    return millis >= max.toMillis() || millis <= 0 ? max : Duration.ofMillis(millis);
  }
}
