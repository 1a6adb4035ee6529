package io.driftwatch.drift.health;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The health of a live object in Argo CD's words. Constants are declared from healthiest to worst,
 * in Argo CD's own order (gitops-engine {@code healthOrder}), so that "worst wins" is a comparison
 * of declaration order; on the wire each is written as Argo CD spells it ({@code Healthy}, ...).
 */
public enum HealthStatus {
  /** The object is doing what it is meant to do. */
  HEALTHY("Healthy"),
  /** The object is paused or suspended on purpose (a paused Deployment, a suspended Job). */
  SUSPENDED("Suspended"),
  /** Not healthy yet, but still on its way there (a rollout, a pending claim). */
  PROGRESSING("Progressing"),
  /** The object is declared in Git but absent from the cluster. */
  MISSING("Missing"),
  /** The object failed, or cannot reach health without help (crash loop, deadline exceeded). */
  DEGRADED("Degraded"),
  /** Health could not be assessed (an unreadable status, an unrecognised phase). */
  UNKNOWN("Unknown");

  private final String label;

  HealthStatus(String label) {
    this.label = label;
  }

  /** The name Argo CD uses, as written on topics and in docs. */
  @JsonValue
  public String label() {
    return label;
  }

  /** True when this status is worse than {@code other} in Argo CD's order. */
  public boolean isWorseThan(HealthStatus other) {
    return compareTo(other) > 0;
  }

  /** The status named {@code label} (Argo CD's spelling, or the constant's name). */
  @JsonCreator
  public static HealthStatus fromLabel(String label) {
    for (HealthStatus status : values()) {
      if (status.label.equals(label) || status.name().equals(label)) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "Unknown health status \""
            + label
            + "\"; expected one of Healthy, Suspended, Progressing, Missing, Degraded, Unknown");
  }

  @Override
  public String toString() {
    return label;
  }
}
