package io.driftwatch.drift.gate;

import io.driftwatch.model.SyncStatus;

/**
 * What the gate decided for one raw verdict.
 *
 * @param held true when the verdict is withheld and must be judged again later
 * @param status what to publish instead when held ({@link SyncStatus#PENDING} or {@link
 *     SyncStatus#UNKNOWN}); null when the raw verdict stands
 * @param reason why it is held, naming the source or reconciler awaited; null when not held
 */
public record Decision(boolean held, SyncStatus status, String reason) {

  /** The raw verdict stands. */
  public static final Decision STANDS = new Decision(false, null, null);

  static Decision unknown(String reason) {
    return new Decision(true, SyncStatus.UNKNOWN, reason);
  }

  static Decision pending(String reason) {
    return new Decision(true, SyncStatus.PENDING, reason);
  }
}
