package io.driftwatch.drift.health;

import static io.driftwatch.drift.health.LiveObject.condition;
import static io.driftwatch.drift.health.LiveObject.count;
import static io.driftwatch.drift.health.LiveObject.flag;
import static io.driftwatch.drift.health.LiveObject.optionalCount;
import static io.driftwatch.drift.health.LiveObject.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Deployment (apps): paused is Suspended; an exceeded progress deadline is Degraded; otherwise it
 * is Progressing until the controller has seen the current spec and every replica is updated, old
 * replicas are gone and updated ones are available. These are kubectl's rollout-status checks,
 * which Argo CD follows.
 */
final class DeploymentHealth {

  private DeploymentHealth() {}

  static HealthAssessment assess(LiveObject deployment) {
    JsonNode spec = deployment.spec();
    JsonNode status = deployment.status();
    if (flag(spec.path("paused"), "spec.paused")) {
      return HealthAssessment.of(HealthStatus.SUSPENDED, "the deployment is paused");
    }
    long generation = deployment.generation();
    long observed = count(status.path("observedGeneration"), "status.observedGeneration");
    if (generation > observed) {
      return HealthAssessment.of(
          HealthStatus.PROGRESSING,
          "the deployment controller has not observed generation "
              + generation
              + " yet (last observed: "
              + observed
              + ")");
    }
    Optional<JsonNode> progressing =
        condition(status.path("conditions"), "Progressing", "status.conditions");
    if (progressing.isPresent()
        && "ProgressDeadlineExceeded"
            .equals(text(progressing.get().path("reason"), "status.conditions[].reason"))) {
      String detail = text(progressing.get().path("message"), "status.conditions[].message");
      return HealthAssessment.of(
          HealthStatus.DEGRADED,
          "deployment \""
              + deployment.name()
              + "\" exceeded its progress deadline"
              + (detail.isEmpty() ? "" : ": " + detail));
    }
    OptionalLong wanted = optionalCount(spec.path("replicas"), "spec.replicas");
    long updated = count(status.path("updatedReplicas"), "status.updatedReplicas");
    long replicas = count(status.path("replicas"), "status.replicas");
    long available = count(status.path("availableReplicas"), "status.availableReplicas");
    if (wanted.isPresent() && updated < wanted.getAsLong()) {
      return HealthAssessment.of(
          HealthStatus.PROGRESSING,
          "rollout in progress: " + updated + " of " + wanted.getAsLong() + " replicas updated");
    }
    if (replicas > updated) {
      return HealthAssessment.of(
          HealthStatus.PROGRESSING,
          "rollout in progress: " + (replicas - updated) + " old replicas pending termination");
    }
    if (available < updated) {
      return HealthAssessment.of(
          HealthStatus.PROGRESSING,
          "rollout in progress: " + available + " of " + updated + " updated replicas available");
    }
    return HealthAssessment.healthy();
  }
}
