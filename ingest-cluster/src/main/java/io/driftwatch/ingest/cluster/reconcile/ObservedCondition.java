package io.driftwatch.ingest.cluster.reconcile;

import io.driftwatch.model.ReconcilerStatus.Condition;
import java.time.Instant;

/**
 * One status condition as a controller wrote it, with the generation it was computed for
 * (Kubernetes {@code metav1.Condition.observedGeneration}), which the published {@link Condition}
 * does not carry but staleness needs.
 */
record ObservedCondition(
    String type,
    String status,
    String reason,
    String message,
    Instant lastTransitionTime,
    Long observedGeneration) {

  boolean isTrue() {
    return "True".equals(status);
  }

  boolean isFalse() {
    return "False".equals(status);
  }

  /** True when the condition was computed for an older generation than {@code generation}. */
  boolean staleFor(Long generation) {
    return generation != null && observedGeneration != null && observedGeneration < generation;
  }

  Condition toCondition() {
    return new Condition(type, status, reason, message, lastTransitionTime);
  }
}
