package io.driftwatch.model;

import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import java.time.Instant;

/**
 * One transition of a reconciler's failure episode: the value of {@code
 * gitops.reconcile-failures.v1}, keyed by the reconciler object's {@link ResourceKey}. An episode
 * opens with FAILING, may go on with further FAILING events when the failure changes, and ends with
 * RECOVERED or, when the reconciler object is deleted, DELETED.
 *
 * @param tool which GitOps tool the reconciler belongs to
 * @param transition what happened
 * @param reason on FAILING and DELETED, the failure's reason; on RECOVERED, the reason the
 *     reconciler now reports (such as {@code ReconciliationSucceeded}); null when none
 * @param message the matching controller message; null when none
 * @param revision on FAILING and DELETED, the last attempted revision; on RECOVERED, the revision
 *     applied successfully; null when the controller did not report one
 * @param attempts how many distinct failures this episode has seen so far: the first FAILING of an
 *     episode has 1; each observation with a new attempted revision or a changed reason or message
 *     adds one
 * @param failingSince when the episode began
 * @param at when this transition happened
 * @param durationMillis on RECOVERED and DELETED, how long the episode lasted; otherwise null
 */
public record ReconcileEvent(
    int schemaVersion,
    ResourceKey key,
    ReconcilerTool tool,
    Transition transition,
    String reason,
    String message,
    String revision,
    int attempts,
    Instant failingSince,
    Instant at,
    Long durationMillis) {

  public static final int SCHEMA_VERSION = 1;

  public static ReconcileEvent of(
      ResourceKey key,
      ReconcilerTool tool,
      Transition transition,
      String reason,
      String message,
      String revision,
      int attempts,
      Instant failingSince,
      Instant at,
      Long durationMillis) {
    return new ReconcileEvent(
        SCHEMA_VERSION,
        key,
        tool,
        transition,
        reason,
        message,
        revision,
        attempts,
        failingSince,
        at,
        durationMillis);
  }

  /** A change in a reconciler's failure episode. */
  public enum Transition {
    /** The reconciler failed: the episode began (attempts 1) or its failure changed. */
    FAILING,
    /** The reconciler reports ready again; the event carries the episode's duration. */
    RECOVERED,
    /** The reconciler object was deleted while failing; the episode ends without a recovery. */
    DELETED
  }
}
