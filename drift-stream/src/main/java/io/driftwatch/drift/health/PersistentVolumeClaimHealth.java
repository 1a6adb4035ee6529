package io.driftwatch.drift.health;

import static io.driftwatch.drift.health.LiveObject.text;

/**
 * PersistentVolumeClaim (core): by phase. Bound is Healthy, Pending is Progressing, Lost (its
 * volume is gone) is Degraded, anything else Unknown.
 */
final class PersistentVolumeClaimHealth {

  private PersistentVolumeClaimHealth() {}

  static HealthAssessment assess(LiveObject claim) {
    String phase = text(claim.status().path("phase"), "status.phase");
    return switch (phase) {
      case "Bound" -> HealthAssessment.healthy();
      case "Pending" ->
          HealthAssessment.of(HealthStatus.PROGRESSING, "the claim is waiting for a volume");
      case "Lost" ->
          HealthAssessment.of(HealthStatus.DEGRADED, "the claim's volume no longer exists");
      case "" -> HealthAssessment.of(HealthStatus.UNKNOWN, "the claim reports no phase");
      default -> HealthAssessment.of(HealthStatus.UNKNOWN, "claim phase " + phase);
    };
  }
}
