package io.driftwatch.drift.health;

import java.util.Objects;

/**
 * The health of one live object and why, as Argo CD reports it: a status and a human-readable
 * message (empty when there is nothing to add, as for most healthy objects).
 */
public record HealthAssessment(HealthStatus status, String message) {

  public HealthAssessment {
    Objects.requireNonNull(status, "status");
    message = message == null ? "" : message;
  }

  /** An assessment with {@code status} and {@code message}. */
  public static HealthAssessment of(HealthStatus status, String message) {
    return new HealthAssessment(status, message);
  }

  /** Healthy, with no message. */
  public static HealthAssessment healthy() {
    return new HealthAssessment(HealthStatus.HEALTHY, "");
  }

  /**
   * Missing: the object is desired (in Git) and not live. No live object can say this about itself;
   * the caller that joins desired with live assigns it, as Argo CD's controller does.
   */
  public static HealthAssessment missing() {
    return new HealthAssessment(
        HealthStatus.MISSING, "the object is in Git but not in the cluster");
  }
}
