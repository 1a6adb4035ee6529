package io.driftwatch.ingest.cluster.reconcile;

import static io.driftwatch.ingest.cluster.reconcile.ObservedReconciler.at;
import static io.driftwatch.ingest.cluster.reconcile.ObservedReconciler.longOrNull;
import static io.driftwatch.ingest.cluster.reconcile.ObservedReconciler.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.cluster.normalize.MalformedObjectException;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import io.driftwatch.model.ResourceKey;
import java.util.List;

/**
 * Flux's reconcilers: readiness from the {@code Ready} condition (stale when it describes an older
 * generation), {@code spec.suspend}, and the revisions each controller records. A Kustomization
 * records the source revision it applied and attempted; a HelmRelease records chart versions (the
 * applied one is the release in {@code status.history} whose status is {@code deployed}); a source
 * records the revision of the artifact it produced.
 */
final class FluxStatusNormalizer implements KindNormalizer {

  @Override
  public ReconcilerStatus normalize(ObservedReconciler reconciler) throws MalformedObjectException {
    List<ObservedCondition> conditions = Conditions.parse(reconciler);
    JsonNode status = reconciler.status();
    Long observedGeneration = longOrNull(status.get("observedGeneration"));
    Verdict verdict = Conditions.readiness(conditions, reconciler.generation(), observedGeneration);
    boolean suspended = reconciler.spec().path("suspend").asBoolean(false);
    String attempted = text(status.get("lastAttemptedRevision"));
    String applied;
    List<ResourceKey> inventory;
    switch (reconciler.key().kind()) {
      case "Kustomization" -> {
        applied = text(status.get("lastAppliedRevision"));
        inventory = FluxInventory.of(reconciler);
      }
      case "HelmRelease" -> {
        applied = deployedChartVersion(reconciler);
        inventory = FluxInventory.of(reconciler);
      }
      default -> {
        applied = text(at(status, "artifact", "revision"));
        inventory = List.of();
      }
    }
    return reconciler.toStatus(
        ReconcilerTool.FLUX,
        verdict,
        suspended,
        applied,
        attempted,
        observedGeneration,
        Conditions.published(conditions),
        inventory);
  }

  /**
   * The chart version of the Helm release currently deployed: helm-controller v2 keeps the release
   * history newest first and exactly one entry is {@code deployed}. HelmRelease v2beta1 objects
   * still carry {@code status.lastAppliedRevision}, which is read when there is no history.
   */
  private static String deployedChartVersion(ObservedReconciler reconciler)
      throws MalformedObjectException {
    List<JsonNode> history = reconciler.array(reconciler.status().get("history"), "status.history");
    for (JsonNode snapshot : history) {
      if ("deployed".equals(text(snapshot.get("status")))) {
        return text(snapshot.get("chartVersion"));
      }
    }
    return history.isEmpty() ? text(reconciler.status().get("lastAppliedRevision")) : null;
  }
}
