package io.driftwatch.drift.remediation;

import io.driftwatch.model.DriftType;
import io.driftwatch.model.RemediationRequest.Action;
import io.driftwatch.model.ResourceKey;
import java.time.Instant;

/**
 * What the planner remembers per resource between calls, kept by the topology in a changelogged
 * store: the current (or last) drift episode, the action its rule asks for, the attempts made since
 * the backoff last reset, and when the planner next has something to decide.
 *
 * @param openedAt when the current (or last) drift episode began
 * @param resolvedAt when that episode ended, or null while it is open
 * @param rule the matching rule's name, or null when no rule matched
 * @param attempts RECONCILE / APPLY attempts since the backoff last reset (may span episodes that
 *     follow each other within the reset cooldown)
 * @param lastAttemptAt when the last counted attempt was requested, or null
 * @param episodeRequests requests published for the current episode (attempts, notification,
 *     escalation)
 * @param escalated whether the current episode's one escalation was published
 * @param dueAt when {@link RemediationPlanner#onTick} has something to do: the next attempt or
 *     escalation while open, forgetting the resource once the cooldown ran out; null for never
 */
public record RemediationState(
    int schemaVersion,
    ResourceKey key,
    Instant openedAt,
    Instant resolvedAt,
    DriftType driftType,
    String desiredCommit,
    Action action,
    String rule,
    int attempts,
    Instant lastAttemptAt,
    int episodeRequests,
    boolean escalated,
    Instant dueAt) {

  public static final int SCHEMA_VERSION = 1;

  /** True while the drift episode is open. */
  public boolean open() {
    return resolvedAt == null;
  }

  RemediationState withDueAt(Instant due) {
    return new RemediationState(
        schemaVersion,
        key,
        openedAt,
        resolvedAt,
        driftType,
        desiredCommit,
        action,
        rule,
        attempts,
        lastAttemptAt,
        episodeRequests,
        escalated,
        due);
  }
}
