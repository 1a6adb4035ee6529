package io.driftwatch.drift.health;

import static io.driftwatch.drift.health.LiveObject.absent;
import static io.driftwatch.drift.health.LiveObject.condition;
import static io.driftwatch.drift.health.LiveObject.count;
import static io.driftwatch.drift.health.LiveObject.list;
import static io.driftwatch.drift.health.LiveObject.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Pod (core): a restart-always pod with a container waiting for a failure reason (CrashLoopBackOff,
 * ImagePullBackOff, ErrImagePull, CreateContainerConfigError, ...) is Degraded; otherwise by phase:
 * Pending is Progressing, Succeeded is Healthy, Failed is Degraded, and Running is Healthy when
 * ready, Degraded when not ready after a container terminated, Progressing otherwise. A running pod
 * that is not restart-always (OnFailure, Never) is expected to finish, so it stays Progressing,
 * unless it carries Argo CD's {@code argocd.argoproj.io/ignore-restart-policy} annotation.
 */
final class PodHealth {

  /**
   * Argo CD's opt-in for pods that run under an operator with OnFailure or Never but live as long
   * as a restart-always pod: present (any value), the pod is assessed as restart-always.
   */
  static final String IGNORE_RESTART_POLICY = "argocd.argoproj.io/ignore-restart-policy";

  /** Kubernetes defaults an unset restartPolicy to Always. */
  private static final String DEFAULT_RESTART_POLICY = "Always";

  private PodHealth() {}

  static HealthAssessment assess(LiveObject pod) {
    JsonNode status = pod.status();
    String restartPolicy = text(pod.spec().path("restartPolicy"), "spec.restartPolicy");
    if (restartPolicy.isEmpty()
        || !absent(pod.metadata().path("annotations").path(IGNORE_RESTART_POLICY))) {
      restartPolicy = DEFAULT_RESTART_POLICY;
    }
    List<JsonNode> containers = list(status.path("containerStatuses"), "status.containerStatuses");
    // Only for restart-always pods: a hook or batch pod (OnFailure, Never) waiting on an image may
    // still run to completion, and Argo CD must not fail such a hook early.
    if (restartPolicy.equals("Always")) {
      List<String> failures = new ArrayList<>();
      for (JsonNode container : containers) {
        JsonNode waiting = container.path("state").path("waiting");
        String reason = text(waiting.path("reason"), "status.containerStatuses[].state.waiting");
        if (failedWaitingReason(reason)) {
          String detail = text(waiting.path("message"), "status.containerStatuses[].state.waiting");
          failures.add(
              "container \""
                  + containerName(container)
                  + "\" is waiting ("
                  + reason
                  + ")"
                  + (detail.isEmpty() ? "" : ": " + detail));
        }
      }
      if (!failures.isEmpty()) {
        return HealthAssessment.of(HealthStatus.DEGRADED, String.join("; ", failures));
      }
    }
    String phase = text(status.path("phase"), "status.phase");
    String podMessage = text(status.path("message"), "status.message");
    switch (phase) {
      case "Pending":
        return HealthAssessment.of(HealthStatus.PROGRESSING, podMessage);
      case "Succeeded":
        return HealthAssessment.of(HealthStatus.HEALTHY, podMessage);
      case "Failed":
        return HealthAssessment.of(
            HealthStatus.DEGRADED, podMessage.isEmpty() ? failureOf(status) : podMessage);
      case "Running":
        return running(restartPolicy, status, containers, podMessage);
      default:
        return HealthAssessment.of(
            HealthStatus.UNKNOWN,
            podMessage.isEmpty()
                ? (phase.isEmpty() ? "the pod reports no phase" : "pod phase " + phase)
                : podMessage);
    }
  }

  private static HealthAssessment running(
      String restartPolicy, JsonNode status, List<JsonNode> containers, String podMessage) {
    if (restartPolicy.equals("OnFailure") || restartPolicy.equals("Never")) {
      return HealthAssessment.of(HealthStatus.PROGRESSING, podMessage);
    }
    if (!restartPolicy.equals("Always")) {
      return HealthAssessment.of(
          HealthStatus.UNKNOWN, "unrecognised restartPolicy \"" + restartPolicy + "\"");
    }
    boolean ready =
        condition(status.path("conditions"), "Ready", "status.conditions")
            .map(c -> "True".equals(text(c.path("status"), "status.conditions[].status")))
            .orElse(false);
    if (ready) {
      return HealthAssessment.of(HealthStatus.HEALTHY, podMessage);
    }
    for (JsonNode container : containers) {
      JsonNode terminated = container.path("lastState").path("terminated");
      if (!absent(terminated)) {
        return HealthAssessment.of(
            HealthStatus.DEGRADED,
            podMessage.isEmpty()
                ? "container \""
                    + containerName(container)
                    + "\" is not ready after it terminated"
                    + terminationDetail(terminated)
                : podMessage);
      }
    }
    return HealthAssessment.of(HealthStatus.PROGRESSING, podMessage);
  }

  /** Waiting reasons that mean a failure rather than a step on the way to running. */
  static boolean failedWaitingReason(String reason) {
    return reason.startsWith("Err") || reason.endsWith("Error") || reason.endsWith("BackOff");
  }

  /** What made a failed pod fail, from its first terminated container (init containers first). */
  private static String failureOf(JsonNode status) {
    List<JsonNode> all =
        new ArrayList<>(list(status.path("initContainerStatuses"), "status.initContainerStatuses"));
    all.addAll(list(status.path("containerStatuses"), "status.containerStatuses"));
    for (JsonNode container : all) {
      JsonNode terminated = container.path("state").path("terminated");
      if (absent(terminated)) {
        continue;
      }
      String message = text(terminated.path("message"), "state.terminated.message");
      if (!message.isEmpty()) {
        return message;
      }
      String reason = text(terminated.path("reason"), "state.terminated.reason");
      if (reason.equals("OOMKilled")) {
        return reason;
      }
      long exitCode = count(terminated.path("exitCode"), "state.terminated.exitCode");
      if (exitCode != 0) {
        return "container \"" + containerName(container) + "\" exited with code " + exitCode;
      }
    }
    return "the pod failed";
  }

  private static String terminationDetail(JsonNode terminated) {
    String reason = text(terminated.path("reason"), "lastState.terminated.reason");
    long exitCode = count(terminated.path("exitCode"), "lastState.terminated.exitCode");
    return " (" + (reason.isEmpty() ? "" : reason + ", ") + "exit code " + exitCode + ")";
  }

  private static String containerName(JsonNode container) {
    return text(container.path("name"), "status.containerStatuses[].name");
  }
}
