package io.driftwatch.model;

/** A change in a resource's drift episode, as published on {@code gitops.drift-events.v1}. */
public enum DriftTransition {
  /** A drift episode began; emitted once per episode. */
  OPENED,
  /** The episode goes on but the drift type or the set of differing fields changed. */
  UPDATED,
  /** The episode ended; the event carries its duration. */
  RESOLVED
}
