package io.driftwatch.drift.remediation;

import java.time.Duration;

/**
 * How remediation attempts for one resource are spaced, and when they stop. The defaults are Argo
 * CD's self-heal backoff (application controller flags {@code --self-heal-backoff-timeout-seconds
 * 2}, {@code --self-heal-backoff-factor 3}, {@code --self-heal-backoff-cap-seconds 300}, {@code
 * --self-heal-backoff-cooldown-seconds 330}), so waits are 2, 6, 18, 54, 162, then 300 s.
 *
 * @param initial the wait after the first attempt
 * @param factor what each further wait is multiplied by
 * @param cap the longest wait
 * @param maxAttempts attempts before one escalation replaces the next attempt
 * @param resetCooldown how long a resource must stay resolved before its attempt count starts over;
 *     zero resets on every RESOLVED
 */
public record RemediationBackoff(
    Duration initial, int factor, Duration cap, int maxAttempts, Duration resetCooldown) {

  public static final Duration DEFAULT_INITIAL = Duration.ofSeconds(2);
  public static final int DEFAULT_FACTOR = 3;
  public static final Duration DEFAULT_CAP = Duration.ofMinutes(5);

  /**
   * Six attempts span every uncapped step (2 + 6 + 18 + 54 + 162 s = about 4 minutes); a drift that
   * comes back six times in a row is being held by something (an HPA, an operator, a person) that
   * more retries at a flat 5 minutes will not beat, so a person is asked instead.
   */
  public static final int DEFAULT_MAX_ATTEMPTS = 6;

  public static final Duration DEFAULT_RESET_COOLDOWN = Duration.ofSeconds(330);

  public RemediationBackoff {
    requirePositive("initial", initial);
    requirePositive("cap", cap);
    if (factor < 1) {
      throw new IllegalArgumentException(
          "remediation.backoff.factor must be at least 1, was "
              + factor
              + ": leave it out for the default "
              + DEFAULT_FACTOR);
    }
    if (cap.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "remediation.backoff.cap ("
              + cap
              + ") is shorter than remediation.backoff.initial ("
              + initial
              + "): raise the cap or lower the initial wait");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "remediation.backoff.maxAttempts must be at least 1, was "
              + maxAttempts
              + ": leave it out for the default "
              + DEFAULT_MAX_ATTEMPTS);
    }
    if (resetCooldown == null || resetCooldown.isNegative()) {
      throw new IllegalArgumentException(
          "remediation.backoff.resetCooldown must be zero or positive, was "
              + resetCooldown
              + ": leave it out for the default "
              + DEFAULT_RESET_COOLDOWN.toSeconds()
              + " s");
    }
  }

  /** Argo CD's self-heal defaults with {@link #DEFAULT_MAX_ATTEMPTS}. */
  public static RemediationBackoff defaults() {
    return new RemediationBackoff(
        DEFAULT_INITIAL, DEFAULT_FACTOR, DEFAULT_CAP, DEFAULT_MAX_ATTEMPTS, DEFAULT_RESET_COOLDOWN);
  }

  /**
   * The wait after {@code attempts} attempts: none before the first, then initial × factor^(n-1).
   */
  public Duration delayAfter(int attempts) {
    if (attempts < 1) {
      return Duration.ZERO;
    }
    Duration delay = initial;
    for (int i = 1; i < attempts && delay.compareTo(cap) < 0; i++) {
      delay = delay.multipliedBy(factor);
    }
    return delay.compareTo(cap) > 0 ? cap : delay;
  }

  private static void requirePositive(String field, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "remediation.backoff." + field + " must be positive, was " + value);
    }
  }
}
