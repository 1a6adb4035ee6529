package io.driftwatch.ingest.cluster.reconcile;

import static io.driftwatch.ingest.cluster.reconcile.ObservedReconciler.at;
import static io.driftwatch.ingest.cluster.reconcile.ObservedReconciler.longOrNull;
import static io.driftwatch.ingest.cluster.reconcile.ObservedReconciler.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.cluster.normalize.MalformedObjectException;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ReconcilerStatus.ReadyState;
import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import io.driftwatch.model.ResourceKey;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenChoreo's ReleaseBinding and RenderedRelease ({@code openchoreo.dev/v1alpha1}). The revision
 * in OpenChoreo is a ComponentRelease name: a ReleaseBinding attempts {@code spec.releaseName} and
 * has applied it once its {@code ReleaseSynced} condition is True for the current generation; a
 * RenderedRelease carries the ComponentRelease it was rendered from in the label {@code
 * openchoreo.dev/component-release-name} and has applied it once {@code ResourcesApplied} is True.
 *
 * <p>A ReleaseBinding's readiness is its {@code Ready} condition. A RenderedRelease has no Ready
 * condition (only {@code ResourcesApplied}); its readiness is derived: apply failed → FALSE;
 * applied and every resource {@code Healthy} or {@code Suspended} → TRUE ({@code ResourcesReady});
 * a resource {@code Degraded} → FALSE ({@code ResourcesDegraded}); otherwise UNKNOWN ({@code
 * ResourcesProgressing}), the words of OpenChoreo's own ReleaseBinding reasons. Should a Ready
 * condition appear on either kind, it decides.
 */
final class OpenChoreoStatusNormalizer implements KindNormalizer {

  /** The label a RenderedRelease carries naming the ComponentRelease it was rendered from. */
  static final String COMPONENT_RELEASE_LABEL = "openchoreo.dev/component-release-name";

  @Override
  public ReconcilerStatus normalize(ObservedReconciler reconciler) throws MalformedObjectException {
    List<ObservedCondition> conditions = Conditions.parse(reconciler);
    return "RenderedRelease".equals(reconciler.key().kind())
        ? renderedRelease(reconciler, conditions)
        : releaseBinding(reconciler, conditions);
  }

  private static ReconcilerStatus releaseBinding(
      ObservedReconciler reconciler, List<ObservedCondition> conditions) {
    Long observedGeneration = longOrNull(reconciler.status().get("observedGeneration"));
    String attempted = text(reconciler.spec().get("releaseName"));
    ObservedCondition synced = Conditions.find(conditions, "ReleaseSynced");
    boolean applied =
        synced != null
            && synced.isTrue()
            && !synced.staleFor(reconciler.generation())
            && !(observedGeneration != null
                && reconciler.generation() != null
                && observedGeneration < reconciler.generation());
    return reconciler.toStatus(
        ReconcilerTool.OPENCHOREO,
        Conditions.readiness(conditions, reconciler.generation(), observedGeneration),
        false,
        applied ? attempted : null,
        attempted,
        observedGeneration,
        Conditions.published(conditions),
        List.of());
  }

  private static ReconcilerStatus renderedRelease(
      ObservedReconciler reconciler, List<ObservedCondition> conditions)
      throws MalformedObjectException {
    ObservedCondition appliedCondition = Conditions.find(conditions, "ResourcesApplied");
    Long observedGeneration =
        appliedCondition == null ? null : appliedCondition.observedGeneration();
    List<JsonNode> resources =
        reconciler.array(reconciler.status().get("resources"), "status.resources");
    Verdict verdict =
        Conditions.find(conditions, "Ready") != null
            ? Conditions.readiness(conditions, reconciler.generation(), null)
            : derivedReadiness(reconciler, appliedCondition, resources);
    String attempted = reconciler.label(COMPONENT_RELEASE_LABEL);
    boolean applied =
        appliedCondition != null
            && appliedCondition.isTrue()
            && !appliedCondition.staleFor(reconciler.generation());
    return reconciler.toStatus(
        ReconcilerTool.OPENCHOREO,
        verdict,
        false,
        applied ? attempted : null,
        attempted,
        observedGeneration,
        Conditions.published(conditions),
        inventory(reconciler, resources));
  }

  private static Verdict derivedReadiness(
      ObservedReconciler reconciler, ObservedCondition applied, List<JsonNode> resources) {
    if (applied == null) {
      return Verdict.NOT_REPORTED;
    }
    if (applied.staleFor(reconciler.generation())) {
      return Conditions.stale(reconciler.generation(), applied.observedGeneration());
    }
    if (!applied.isTrue()) {
      return Conditions.fromStatus(applied);
    }
    List<String> degraded = new ArrayList<>();
    boolean settled = true;
    for (JsonNode resource : resources) {
      String health = text(resource.get("healthStatus"));
      if ("Degraded".equals(health)) {
        degraded.add(text(resource.get("kind")) + "/" + text(resource.get("name")));
      } else if (!"Healthy".equals(health) && !"Suspended".equals(health)) {
        settled = false;
      }
    }
    if (!degraded.isEmpty()) {
      return new Verdict(
          ReadyState.FALSE,
          "ResourcesDegraded",
          degraded.size()
              + " of "
              + resources.size()
              + " resources are Degraded: "
              + String.join(", ", degraded));
    }
    return settled
        ? new Verdict(ReadyState.TRUE, "ResourcesReady", applied.message())
        : new Verdict(ReadyState.UNKNOWN, "ResourcesProgressing", null);
  }

  /**
   * {@code status.resources} (group, kind, namespace, name of what was applied), keyed in the
   * RenderedRelease's cluster: driftwatch sees the data plane as the same cluster.
   */
  private static List<ResourceKey> inventory(
      ObservedReconciler reconciler, List<JsonNode> resources) throws MalformedObjectException {
    List<ResourceKey> keys = new ArrayList<>(resources.size());
    for (int i = 0; i < resources.size(); i++) {
      JsonNode resource = resources.get(i);
      String kind = text(resource.get("kind"));
      String name = text(resource.get("name"));
      if (kind == null || name == null) {
        throw reconciler.malformed("status.resources[" + i + "] has no kind or name");
      }
      keys.add(
          new ResourceKey(
              reconciler.cluster(),
              text(resource.get("group")),
              kind,
              text(at(resource, "namespace")),
              name));
    }
    return keys;
  }
}
