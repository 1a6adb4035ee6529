package io.driftwatch.drift.health;

import static io.driftwatch.drift.health.LiveObject.condition;
import static io.driftwatch.drift.health.LiveObject.count;
import static io.driftwatch.drift.health.LiveObject.optionalCount;
import static io.driftwatch.drift.health.LiveObject.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * ReplicaSet (apps): Progressing until the controller has seen the current spec; Degraded while its
 * ReplicaFailure condition is True (pods cannot be created: quota, admission); Progressing until
 * the wanted number of replicas is available.
 */
final class ReplicaSetHealth {

  private ReplicaSetHealth() {}

  static HealthAssessment assess(LiveObject replicaSet) {
    JsonNode status = replicaSet.status();
    long generation = replicaSet.generation();
    long observed = count(status.path("observedGeneration"), "status.observedGeneration");
    if (generation > observed) {
      return HealthAssessment.of(
          HealthStatus.PROGRESSING,
          "the replicaset controller has not observed generation "
              + generation
              + " yet (last observed: "
              + observed
              + ")");
    }
    Optional<JsonNode> failure =
        condition(status.path("conditions"), "ReplicaFailure", "status.conditions");
    if (failure.isPresent()
        && "True".equals(text(failure.get().path("status"), "status.conditions[].status"))) {
      return HealthAssessment.of(
          HealthStatus.DEGRADED,
          text(failure.get().path("message"), "status.conditions[].message"));
    }
    OptionalLong wanted = optionalCount(replicaSet.spec().path("replicas"), "spec.replicas");
    long available = count(status.path("availableReplicas"), "status.availableReplicas");
    if (wanted.isPresent() && available < wanted.getAsLong()) {
      return HealthAssessment.of(
          HealthStatus.PROGRESSING,
          "waiting for replicas: " + available + " of " + wanted.getAsLong() + " available");
    }
    return HealthAssessment.healthy();
  }
}
