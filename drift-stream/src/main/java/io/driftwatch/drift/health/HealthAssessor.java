package io.driftwatch.drift.health;

import static io.driftwatch.drift.health.LiveObject.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Assesses a live object's health by Argo CD's built-in rules for its API group and kind (the
 * version does not matter). A kind without a rule gets no assessment, as in Argo CD, where such an
 * object does not count towards its application's health. Pure: the same manifest and status always
 * give the same assessment, and neither is modified.
 */
public final class HealthAssessor {

  /** Argo CD's sync-hook finalizer: a hook being deleted keeps its own health while it runs. */
  static final String HOOK_FINALIZER = "argocd.argoproj.io/hook-finalizer";

  private static final Map<String, KindHealth> RULES =
      Map.of(
          "apps/Deployment", DeploymentHealth::assess,
          "apps/StatefulSet", StatefulSetHealth::assess,
          "apps/DaemonSet", DaemonSetHealth::assess,
          "apps/ReplicaSet", ReplicaSetHealth::assess,
          "/Pod", PodHealth::assess,
          "/Service", ServiceHealth::assess,
          "/PersistentVolumeClaim", PersistentVolumeClaimHealth::assess,
          "batch/Job", JobHealth::assess,
          "autoscaling/HorizontalPodAutoscaler", HorizontalPodAutoscalerHealth::assess);

  private HealthAssessor() {}

  /**
   * The health of a live observation, with the {@code generation} and {@code deletionTimestamp}
   * that ingest-cluster publishes beside the manifest; empty for a kind without a rule.
   */
  public static Optional<HealthAssessment> assess(LiveState live) {
    Objects.requireNonNull(live, "live");
    Objects.requireNonNull(live.manifest(), "live.manifest");
    return assess(
        new LiveObject(
            live.manifest(), live.status(), live.generation(), live.deletionTimestamp() != null));
  }

  /**
   * The health of a live object given as its manifest (with {@code apiVersion}, {@code kind} and
   * {@code metadata}) and its {@code status} (null when it has none yet); empty for a kind without
   * a rule.
   */
  public static Optional<HealthAssessment> assess(ObjectNode manifest, ObjectNode status) {
    Objects.requireNonNull(manifest, "manifest");
    return assess(new LiveObject(manifest, status));
  }

  private static Optional<HealthAssessment> assess(LiveObject object) {
    try {
      // Argo CD checks deletion before any rule, for every kind: an object on its way out is
      // Progressing whatever its status says.
      if (pendingDeletion(object)) {
        return Optional.of(HealthAssessment.of(HealthStatus.PROGRESSING, "pending deletion"));
      }
      KindHealth rule = RULES.get(ruleKey(object));
      if (rule == null) {
        return Optional.empty();
      }
      return Optional.of(rule.assess(object));
    } catch (UnreadableFieldException e) {
      return Optional.of(HealthAssessment.of(HealthStatus.UNKNOWN, e.getMessage()));
    }
  }

  /** True when Argo CD has a built-in rule for objects of this API group and kind. */
  public static boolean hasRule(String group, String kind) {
    return RULES.containsKey((group == null ? "" : group) + "/" + kind);
  }

  private static String ruleKey(LiveObject object) {
    return ResourceKey.groupOf(object.apiVersion()) + "/" + object.kind();
  }

  private static boolean pendingDeletion(LiveObject object) {
    if (!object.deletionRequested()) {
      return false;
    }
    for (JsonNode finalizer : list(object.metadata().path("finalizers"), "metadata.finalizers")) {
      if (HOOK_FINALIZER.equals(finalizer.asText())) {
        return false;
      }
    }
    return true;
  }
}
