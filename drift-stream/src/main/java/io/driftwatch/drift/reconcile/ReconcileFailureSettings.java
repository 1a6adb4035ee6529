package io.driftwatch.drift.reconcile;

import java.time.Duration;

/**
 * The options of reconcile-failure tracking, with their defaults and validation in one place.
 *
 * @param dedupWindow how long a FAILING event with the same reason, message and revision is not
 *     published again within one episode, as Flux's notification-controller suppresses duplicate
 *     events within its interval
 */
public record ReconcileFailureSettings(Duration dedupWindow) {

  /** Flux notification-controller's default duplicate-suppression interval. */
  public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofMinutes(5);

  /** The settings used when the configuration says nothing. */
  public static final ReconcileFailureSettings DEFAULTS =
      new ReconcileFailureSettings(DEFAULT_DEDUP_WINDOW);

  public ReconcileFailureSettings {
    if (dedupWindow == null || dedupWindow.isNegative() || dedupWindow.isZero()) {
      throw new IllegalArgumentException(
          "drift-stream reconcileFailures.dedupWindow must be positive, was "
              + dedupWindow
              + ": leave it out for the default "
              + DEFAULT_DEDUP_WINDOW);
    }
  }
}
