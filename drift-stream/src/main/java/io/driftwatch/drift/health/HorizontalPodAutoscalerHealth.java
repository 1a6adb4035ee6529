package io.driftwatch.drift.health;

import static io.driftwatch.drift.health.LiveObject.absent;
import static io.driftwatch.drift.health.LiveObject.list;
import static io.driftwatch.drift.health.LiveObject.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.model.serde.Json;
import java.util.List;
import java.util.Set;

/**
 * HorizontalPodAutoscaler (autoscaling): by its conditions, read from {@code status.conditions}
 * (v2) or, for autoscaling/v1, from the {@code autoscaling.alpha.kubernetes.io/conditions}
 * annotation where the API server keeps them. A condition that says the autoscaler cannot read its
 * target or its metrics is Degraded, wherever it is in the list; otherwise AbleToScale=True or
 * ScalingLimited=True is Healthy; otherwise the autoscaler has not acted yet: Progressing.
 */
final class HorizontalPodAutoscalerHealth {

  static final String V1_CONDITIONS_ANNOTATION = "autoscaling.alpha.kubernetes.io/conditions";

  private static final String WAITING = "waiting to autoscale";

  /** type/reason pairs that mean the autoscaler cannot do its job. */
  private static final Set<String> DEGRADED_REASONS =
      Set.of(
          "AbleToScale/FailedGetScale",
          "AbleToScale/FailedUpdateScale",
          "ScalingActive/FailedGetResourceMetric",
          "ScalingActive/FailedGetObjectMetric",
          "ScalingActive/FailedGetPodsMetric",
          "ScalingActive/FailedGetExternalMetric",
          "ScalingActive/FailedComputeMetricsReplicas",
          "ScalingActive/InvalidSelector");

  /** Condition types whose True status means the autoscaler works. */
  private static final Set<String> HEALTHY_WHEN_TRUE = Set.of("AbleToScale", "ScalingLimited");

  private HorizontalPodAutoscalerHealth() {}

  static HealthAssessment assess(LiveObject hpa) {
    List<JsonNode> conditions;
    if ("autoscaling/v1".equals(hpa.apiVersion())) {
      JsonNode annotation = hpa.metadata().path("annotations").path(V1_CONDITIONS_ANNOTATION);
      if (absent(annotation)) {
        return HealthAssessment.of(HealthStatus.PROGRESSING, WAITING);
      }
      conditions =
          parseAnnotation(
              text(annotation, "metadata.annotations[" + V1_CONDITIONS_ANNOTATION + "]"));
    } else {
      conditions = list(hpa.status().path("conditions"), "status.conditions");
    }
    // Degraded first over all conditions: AbleToScale=True usually comes first, and must not hide
    // a ScalingActive failure after it (Argo CD fixed its first-match order the same way).
    for (JsonNode condition : conditions) {
      String key = field(condition, "type") + "/" + field(condition, "reason");
      if (DEGRADED_REASONS.contains(key)) {
        return HealthAssessment.of(HealthStatus.DEGRADED, field(condition, "message"));
      }
    }
    for (JsonNode condition : conditions) {
      if (HEALTHY_WHEN_TRUE.contains(field(condition, "type"))
          && "True".equals(field(condition, "status"))) {
        return HealthAssessment.of(HealthStatus.HEALTHY, field(condition, "message"));
      }
    }
    return HealthAssessment.of(HealthStatus.PROGRESSING, WAITING);
  }

  private static List<JsonNode> parseAnnotation(String value) {
    String field = "metadata.annotations[" + V1_CONDITIONS_ANNOTATION + "]";
    JsonNode parsed;
    try {
      parsed = Json.mapper().readTree(value);
    } catch (JsonProcessingException e) {
      throw new UnreadableFieldException(field, "not valid JSON", "a JSON list of conditions");
    }
    if (parsed == null || parsed.isMissingNode()) {
      return List.of();
    }
    return list(parsed, field);
  }

  private static String field(JsonNode condition, String name) {
    return text(condition.path(name), "conditions[]." + name);
  }
}
