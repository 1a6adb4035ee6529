package io.driftwatch.model;

import java.time.Instant;
import java.util.List;

/**
 * One GitOps reconciler as its controller last reported it, normalised across tools: the value of
 * {@code gitops.reconciler-status.v1}, keyed by the reconciler object's {@link ResourceKey} (a Flux
 * Kustomization, HelmRelease, GitRepository, OCIRepository or HelmRepository; an Argo CD
 * Application; an OpenChoreo ReleaseBinding or RenderedRelease). A deleted reconciler is a
 * tombstone.
 *
 * @param tool which GitOps tool the object belongs to
 * @param ready the Ready (Flux, OpenChoreo) or health-and-sync (Argo CD) verdict
 * @param reason the machine-readable reason of that verdict, such as {@code
 *     ReconciliationSucceeded}, {@code BuildFailed} or {@code Degraded}; null when none
 * @param message the controller's human-readable message; null when none
 * @param suspended true when reconciliation is switched off (Flux {@code spec.suspend}, Argo CD
 *     without automated sync is not suspended)
 * @param lastAppliedRevision the revision the controller last applied successfully (Flux {@code
 *     status.lastAppliedRevision}, Argo CD {@code status.sync.revision}); null when none yet
 * @param lastAttemptedRevision the revision of the last attempt, successful or not
 * @param generation the object's {@code metadata.generation}
 * @param observedGeneration the generation the controller last acted on; lower than {@code
 *     generation} means the status is stale
 * @param conditions the status conditions as reported
 * @param inventory what the reconciler manages (Flux inventory, Argo CD {@code status.resources},
 *     OpenChoreo resources), as resource keys in the same cluster
 * @param observedAt when ingest-cluster saw this version of the object
 */
public record ReconcilerStatus(
    int schemaVersion,
    ResourceKey key,
    ReconcilerTool tool,
    ReadyState ready,
    String reason,
    String message,
    boolean suspended,
    String lastAppliedRevision,
    String lastAttemptedRevision,
    Long generation,
    Long observedGeneration,
    List<Condition> conditions,
    List<ResourceKey> inventory,
    Instant observedAt) {

  public static final int SCHEMA_VERSION = 1;

  public ReconcilerStatus {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    inventory = inventory == null ? List.of() : List.copyOf(inventory);
  }

  /** The GitOps tool a reconciler object belongs to. */
  public enum ReconcilerTool {
    /** Flux's kustomize-, helm- and source-controller objects. */
    FLUX,
    /** Argo CD Applications. */
    ARGO_CD,
    /** OpenChoreo ReleaseBindings and RenderedReleases. */
    OPENCHOREO
  }

  /** A Kubernetes-style tri-state readiness. */
  public enum ReadyState {
    /** The reconciler reports success (Ready=True; Argo CD: Synced and Healthy). */
    TRUE,
    /** The reconciler reports failure (Ready=False; Argo CD: a sync or health failure). */
    FALSE,
    /** In progress or not reported yet (Ready=Unknown or absent; Argo CD: Progressing). */
    UNKNOWN
  }

  /**
   * One status condition, as Kubernetes API conventions define it.
   *
   * @param status {@code True}, {@code False} or {@code Unknown}, as written by the controller
   */
  public record Condition(
      String type, String status, String reason, String message, Instant lastTransitionTime) {}
}
