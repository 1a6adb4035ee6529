package io.driftwatch.ingest.cluster.kube;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff between attempts to reach a cluster: {@code initial}, doubled per failure, at
 * most {@code max}.
 */
public record Backoff(Duration initial, Duration max) {

  /** One second, doubling up to one minute. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max");
    }
  }

  /** The delay before attempt {@code failures + 1}, after {@code failures} failed in a row. */
  public Duration delay(int failures) {
    if (failures <= 1) {
      return initial;
    }
    int doublings = Math.min(failures - 1, 30);
    Duration delay = initial.multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
