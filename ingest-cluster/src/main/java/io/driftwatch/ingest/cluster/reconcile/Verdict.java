package io.driftwatch.ingest.cluster.reconcile;

import io.driftwatch.model.ReconcilerStatus.ReadyState;

/**
 * The readiness a normaliser concluded: the tri-state, a machine-readable reason and the
 * controller's message (each null when none).
 */
record Verdict(ReadyState ready, String reason, String message) {

  /** No verdict reported yet. */
  static final Verdict NOT_REPORTED = new Verdict(ReadyState.UNKNOWN, null, null);
}
