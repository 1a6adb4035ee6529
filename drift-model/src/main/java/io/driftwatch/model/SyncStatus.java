package io.driftwatch.model;

/** The per-resource verdict published on {@code gitops.drift-status.v1}. */
public enum SyncStatus {
  /** Desired and live agree. */
  SYNCED,
  /** Desired and live disagree and the disagreement counts as drift. */
  OUT_OF_SYNC,
  /** A newer commit is not applied yet and its grace period has not run out. */
  PENDING,
  /** One side is not authoritative yet, so no verdict is given. */
  UNKNOWN
}
