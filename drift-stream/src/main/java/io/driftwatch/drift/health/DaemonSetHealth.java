package io.driftwatch.drift.health;

import static io.driftwatch.drift.health.LiveObject.count;
import static io.driftwatch.drift.health.LiveObject.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * DaemonSet (apps): Progressing until the controller has seen the current spec; with the OnDelete
 * strategy then Healthy (pods change only when deleted); otherwise Progressing until every node
 * that should run a pod runs an updated one and all of them are available.
 */
final class DaemonSetHealth {

  private DaemonSetHealth() {}

  static HealthAssessment assess(LiveObject daemonSet) {
    JsonNode status = daemonSet.status();
    long generation = daemonSet.generation();
    long observed = count(status.path("observedGeneration"), "status.observedGeneration");
    if (generation > observed) {
      return HealthAssessment.of(
          HealthStatus.PROGRESSING,
          "the daemonset controller has not observed generation "
              + generation
              + " yet (last observed: "
              + observed
              + ")");
    }
    long desired = count(status.path("desiredNumberScheduled"), "status.desiredNumberScheduled");
    long updated = count(status.path("updatedNumberScheduled"), "status.updatedNumberScheduled");
    long available = count(status.path("numberAvailable"), "status.numberAvailable");
    String strategy =
        text(daemonSet.spec().path("updateStrategy").path("type"), "spec.updateStrategy.type");
    if ("OnDelete".equals(strategy)) {
      return HealthAssessment.of(
          HealthStatus.HEALTHY,
          updated + " of " + desired + " pods updated (OnDelete: pods update when deleted)");
    }
    if (updated < desired) {
      return HealthAssessment.of(
          HealthStatus.PROGRESSING,
          "rollout of daemonset \""
              + daemonSet.name()
              + "\" in progress: "
              + updated
              + " of "
              + desired
              + " pods updated");
    }
    if (available < desired) {
      return HealthAssessment.of(
          HealthStatus.PROGRESSING,
          "rollout of daemonset \""
              + daemonSet.name()
              + "\" in progress: "
              + available
              + " of "
              + desired
              + " updated pods available");
    }
    return HealthAssessment.healthy();
  }
}
