package io.driftwatch.drift.gate;

import java.time.Duration;

/**
 * The options of verdict gating, with their defaults and validation in one place.
 *
 * @param pendingGrace how long a difference waits for its reconciler to apply the desired commit
 *     before it is drift; counted from the commit time, or from when drift-stream first saw the
 *     difference if that is earlier
 * @param settle how long after a source reports SYNCED its word is taken even though this instance
 *     has not yet processed input as recent as that report (normally input catches up first)
 * @param recheckInterval how often held verdicts are judged again, so that a source becoming
 *     authoritative or a grace period running out shows without new input
 */
public record GateSettings(Duration pendingGrace, Duration settle, Duration recheckInterval) {

  /**
   * Five minutes: longer than Argo CD's default 3-minute refresh and a Flux source's typical
   * 1-minute interval plus one Kustomization apply, short enough that real drift is not hidden
   * long.
   */
  public static final Duration DEFAULT_PENDING_GRACE = Duration.ofMinutes(5);

  public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RECHECK_INTERVAL = Duration.ofSeconds(1);

  public static final GateSettings DEFAULTS =
      new GateSettings(DEFAULT_PENDING_GRACE, DEFAULT_SETTLE, DEFAULT_RECHECK_INTERVAL);

  public GateSettings {
    requireNonNegative(pendingGrace, "pendingGrace", DEFAULT_PENDING_GRACE);
    requireNonNegative(settle, "gateSettle", DEFAULT_SETTLE);
    requireNonNegative(recheckInterval, "gateRecheckInterval", DEFAULT_RECHECK_INTERVAL);
    if (recheckInterval.isZero()) {
      throw new IllegalArgumentException(
          "drift-stream gateRecheckInterval must be positive: leave it out for the default "
              + DEFAULT_RECHECK_INTERVAL);
    }
  }

  private static void requireNonNegative(Duration value, String name, Duration fallback) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(
          "drift-stream "
              + name
              + " must be zero or more, was "
              + value
              + ": leave it out for the default "
              + fallback);
    }
  }
}
