package io.driftwatch.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A request to remediate one drifted resource: the value of {@code gitops.remediation-requests.v1}.
 * Executors act on it at most once per {@link #idempotencyKey()}; an {@link #escalated()} request
 * asks a person to step in because the automatic attempts did not end the drift.
 *
 * @param idempotencyKey stable for one resource, drift episode and attempt: a redelivered or
 *     replayed request carries the same key, a new attempt a new one
 * @param action what the matching policy rule asks for; never {@link Action#NONE}
 * @param escalated true for the one request that replaces further attempts once the maximum is
 *     reached; {@code action} is then the action that was tried
 * @param attempt the attempt number (1 for the first) counted since the resource's backoff last
 *     reset; on an escalated request, the number of attempts made
 * @param rule the policy rule that matched, by name or as {@code rules[i]}
 * @param openedAt when the drift episode began
 * @param requestedAt when the request was decided
 */
public record RemediationRequest(
    int schemaVersion,
    String idempotencyKey,
    ResourceKey key,
    Action action,
    boolean escalated,
    int attempt,
    String rule,
    DriftType driftType,
    String desiredCommit,
    Instant openedAt,
    Instant requestedAt) {

  public static final int SCHEMA_VERSION = 1;

  /** What a policy rule asks to be done about a drifted resource. */
  public enum Action {
    /** Nothing: the resource is only detected (also what happens when no rule matches). */
    NONE,
    /** Tell someone; the resource is left as it is. */
    NOTIFY,
    /** Ask the reconciler that owns the resource to reconcile now (Flux requestedAt, Argo sync). */
    RECONCILE,
    /** Apply the desired object to the cluster directly. */
    APPLY
  }

  public RemediationRequest {
    Objects.requireNonNull(idempotencyKey, "remediation request idempotencyKey");
    Objects.requireNonNull(key, "remediation request key");
    if (action == null || action == Action.NONE) {
      throw new IllegalArgumentException(
          "remediation request for " + key + " has action " + action + ": NONE is never requested");
    }
  }

  public static RemediationRequest of(
      String idempotencyKey,
      ResourceKey key,
      Action action,
      boolean escalated,
      int attempt,
      String rule,
      DriftType driftType,
      String desiredCommit,
      Instant openedAt,
      Instant requestedAt) {
    return new RemediationRequest(
        SCHEMA_VERSION,
        idempotencyKey,
        key,
        action,
        escalated,
        attempt,
        rule,
        driftType,
        desiredCommit,
        openedAt,
        requestedAt);
  }
}
