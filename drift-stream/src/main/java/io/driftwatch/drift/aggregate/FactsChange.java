package io.driftwatch.drift.aggregate;

import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;
import java.time.Instant;

/**
 * One resource's facts before and after a status change; either side is null when the resource was
 * not known before or is gone now. Carrying both lets the grouped side undo the old contribution
 * without remembering every resource itself.
 */
record FactsChange(ResourceKey key, ResourceFacts previous, ResourceFacts current) {

  DriftType previousType() {
    return previous == null ? null : previous.driftType();
  }

  DriftType currentType() {
    return current == null ? null : current.driftType();
  }

  Instant previousOpenedAt() {
    return previous == null ? null : previous.openedAt();
  }

  Instant currentOpenedAt() {
    return current == null ? null : current.openedAt();
  }
}
