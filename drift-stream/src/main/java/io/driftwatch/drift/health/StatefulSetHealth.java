package io.driftwatch.drift.health;

import static io.driftwatch.drift.health.LiveObject.absent;
import static io.driftwatch.drift.health.LiveObject.count;
import static io.driftwatch.drift.health.LiveObject.optionalCount;
import static io.driftwatch.drift.health.LiveObject.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * StatefulSet (apps): Progressing until the controller has seen the current spec and every wanted
 * pod is ready; then by update strategy: RollingUpdate with a rollingUpdate block waits for the
 * pods above the partition to be updated, OnDelete is Healthy (pods change only when deleted), and
 * otherwise the update revision must have become the current revision.
 */
final class StatefulSetHealth {

  private StatefulSetHealth() {}

  static HealthAssessment assess(LiveObject sts) {
    JsonNode spec = sts.spec();
    JsonNode status = sts.status();
    long observed = count(status.path("observedGeneration"), "status.observedGeneration");
    long generation = sts.generation();
    if (observed == 0 || generation > observed) {
      return HealthAssessment.of(
          HealthStatus.PROGRESSING,
          "the statefulset controller has not observed the current spec yet");
    }
    OptionalLong wanted = optionalCount(spec.path("replicas"), "spec.replicas");
    long ready = count(status.path("readyReplicas"), "status.readyReplicas");
    long updated = count(status.path("updatedReplicas"), "status.updatedReplicas");
    if (wanted.isPresent() && ready < wanted.getAsLong()) {
      return HealthAssessment.of(
          HealthStatus.PROGRESSING,
          "waiting for " + (wanted.getAsLong() - ready) + " pods to be ready");
    }
    JsonNode strategy = spec.path("updateStrategy");
    String strategyType = text(strategy.path("type"), "spec.updateStrategy.type");
    JsonNode rollingUpdate = strategy.path("rollingUpdate");
    if ("RollingUpdate".equals(strategyType) && !absent(rollingUpdate)) {
      OptionalLong partition =
          optionalCount(
              rollingUpdate.path("partition"), "spec.updateStrategy.rollingUpdate.partition");
      if (wanted.isPresent() && partition.isPresent()) {
        long toUpdate = wanted.getAsLong() - partition.getAsLong();
        if (updated < toUpdate) {
          return HealthAssessment.of(
              HealthStatus.PROGRESSING,
              "partitioned rollout in progress: " + updated + " of " + toUpdate + " pods updated");
        }
      }
      return HealthAssessment.of(
          HealthStatus.HEALTHY, "partitioned rollout complete: " + updated + " pods updated");
    }
    if ("OnDelete".equals(strategyType)) {
      return HealthAssessment.of(
          HealthStatus.HEALTHY,
          ready + " pods ready, " + updated + " updated (OnDelete: pods update when deleted)");
    }
    String updateRevision = text(status.path("updateRevision"), "status.updateRevision");
    String currentRevision = text(status.path("currentRevision"), "status.currentRevision");
    if (!updateRevision.equals(currentRevision)) {
      return HealthAssessment.of(
          HealthStatus.PROGRESSING,
          "rolling update in progress: " + updated + " pods at revision " + updateRevision);
    }
    long current = count(status.path("currentReplicas"), "status.currentReplicas");
    return HealthAssessment.of(
        HealthStatus.HEALTHY,
        "rolling update complete: " + current + " pods at revision " + currentRevision);
  }
}
