package io.driftwatch.drift.remediation;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything the remediation stage is configured with, in one value the launcher builds from the
 * {@code driftStream.remediation} section: the rules, the backoff and how often the stage looks for
 * attempts that have come due. The default is detect-only, so a configuration that says nothing
 * about remediation never asks anyone to touch a cluster.
 *
 * @param tickInterval how often the wall-clock punctuation looks for due attempts; an attempt is
 *     requested at most this much later than its backoff allows
 */
public record RemediationSettings(
    RemediationPolicy policy, RemediationBackoff backoff, Duration tickInterval) {

  /** One second: finer than the shortest default wait (2 s), coarse enough to cost nothing. */
  public static final Duration DEFAULT_TICK_INTERVAL = Duration.ofSeconds(1);

  public RemediationSettings {
    Objects.requireNonNull(policy, "remediation policy");
    Objects.requireNonNull(backoff, "remediation backoff");
    if (tickInterval == null || tickInterval.isNegative() || tickInterval.isZero()) {
      throw new IllegalArgumentException(
          "remediation.tickInterval must be positive, was "
              + tickInterval
              + ": leave it out for the default "
              + DEFAULT_TICK_INTERVAL.toSeconds()
              + " s");
    }
  }

  /** No rules (detect only), Argo CD's backoff defaults, a one-second tick. */
  public static RemediationSettings detectOnly() {
    return new RemediationSettings(
        RemediationPolicy.detectOnly(), RemediationBackoff.defaults(), DEFAULT_TICK_INTERVAL);
  }
}
