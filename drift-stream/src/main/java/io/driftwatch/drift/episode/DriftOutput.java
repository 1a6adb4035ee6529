package io.driftwatch.drift.episode;

import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftStatus;

/**
 * One record the episode processor emits, routed by type to its topic: a status change for {@code
 * gitops.drift-status.v1} or a transition for {@code gitops.drift-events.v1}.
 */
public sealed interface DriftOutput {

  /** A new current status; null is the tombstone of a resource that is gone. */
  record StatusChange(DriftStatus status) implements DriftOutput {}

  /** A drift transition (OPENED, UPDATED, RESOLVED). */
  record Transition(DriftEvent event) implements DriftOutput {}
}
