package io.driftwatch.drift.health;

import static io.driftwatch.drift.health.LiveObject.count;
import static io.driftwatch.drift.health.LiveObject.list;
import static io.driftwatch.drift.health.LiveObject.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Job (batch): by its conditions. Failed is Degraded, Complete is Healthy, Suspended=True is
 * Suspended, and a job with none of them is still running: Progressing. Unlike Argo CD, a Suspended
 * condition that is False (the job was resumed) does not count as finished; see docs/health.md.
 */
final class JobHealth {

  private JobHealth() {}

  static HealthAssessment assess(LiveObject job) {
    JsonNode status = job.status();
    JsonNode failed = null;
    JsonNode complete = null;
    JsonNode suspended = null;
    for (JsonNode condition : list(status.path("conditions"), "status.conditions")) {
      switch (text(condition.path("type"), "status.conditions[].type")) {
        case "Failed" -> failed = condition;
        case "Complete" -> complete = condition;
        case "Suspended" -> {
          if ("True".equals(text(condition.path("status"), "status.conditions[].status"))) {
            suspended = condition;
          }
        }
        default -> {
          // Other conditions (FailureTarget, SuccessCriteriaMet) precede Failed and Complete.
        }
      }
    }
    if (failed != null) {
      String message = text(failed.path("message"), "status.conditions[].message");
      String reason = text(failed.path("reason"), "status.conditions[].reason");
      return HealthAssessment.of(
          HealthStatus.DEGRADED,
          !message.isEmpty()
              ? message
              : "the job failed" + (reason.isEmpty() ? "" : ": " + reason));
    }
    if (complete != null) {
      return HealthAssessment.of(
          HealthStatus.HEALTHY, text(complete.path("message"), "status.conditions[].message"));
    }
    if (suspended != null) {
      String message = text(suspended.path("message"), "status.conditions[].message");
      return HealthAssessment.of(
          HealthStatus.SUSPENDED, message.isEmpty() ? "the job is suspended" : message);
    }
    long active = count(status.path("active"), "status.active");
    long succeeded = count(status.path("succeeded"), "status.succeeded");
    long podsFailed = count(status.path("failed"), "status.failed");
    return HealthAssessment.of(
        HealthStatus.PROGRESSING,
        "the job is running: "
            + active
            + " active, "
            + succeeded
            + " succeeded, "
            + podsFailed
            + " failed pods");
  }
}
