package io.driftwatch.drift.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.RemediationRequest;
import io.driftwatch.model.RemediationRequest.Action;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, per resource, when to request a remediation: the first attempt as soon as a drift
 * episode opens under a RECONCILE or APPLY rule, further attempts while it stays open spaced by the
 * {@link RemediationBackoff}, then one ESCALATED request instead of the attempt after the last. A
 * NOTIFY rule gives one request per episode. A pure function of the stored state, the transition
 * and the time: the caller stores {@link Step#next()} and publishes {@link Step#request()}.
 */
public final class RemediationPlanner {

  /**
   * What one call changes.
   *
   * @param changed false when nothing is to be stored or published
   * @param next the state to store, or null to forget the resource (a tombstone)
   * @param request the request to publish, or null
   */
  public record Step(boolean changed, RemediationState next, RemediationRequest request) {
    static final Step NOTHING = new Step(false, null, null);
  }

  private final RemediationPolicy policy;
  private final RemediationBackoff backoff;

  public RemediationPlanner(RemediationPolicy policy, RemediationBackoff backoff) {
    this.policy = Objects.requireNonNull(policy, "remediation policy");
    this.backoff = Objects.requireNonNull(backoff, "remediation backoff");
  }

  /**
   * Reacts to a drift transition.
   *
   * @param previous the stored state for the event's resource, or null
   * @param labels the resource's labels (live, or desired when it is missing live), or null
   * @param now the processing wall-clock time
   */
  public Step onTransition(
      RemediationState previous, DriftEvent event, JsonNode labels, Instant now) {
    boolean sameEpisode =
        previous != null && previous.open() && previous.openedAt().equals(event.openedAt());
    return switch (event.transition()) {
      case OPENED -> sameEpisode ? Step.NOTHING : opened(previous, event, labels, now);
      case UPDATED ->
          sameEpisode
              ? updated(previous, event, labels, now)
              : opened(previous, event, labels, now);
      case RESOLVED -> resolved(previous, now);
    };
  }

  /**
   * Reacts to the passing of time: call it when {@link RemediationState#dueAt()} has come (a
   * wall-clock punctuation over the store). Earlier calls change nothing.
   */
  public Step onTick(RemediationState state, Instant now) {
    if (state == null || state.dueAt() == null || now.isBefore(state.dueAt())) {
      return Step.NOTHING;
    }
    if (!state.open()) {
      return new Step(true, null, null);
    }
    return plan(state, now);
  }

  private Step opened(RemediationState previous, DriftEvent event, JsonNode labels, Instant now) {
    Optional<RemediationPolicy.Match> match = policy.match(event.key(), event.driftType(), labels);
    boolean carry =
        previous != null
            && (previous.open()
                || now.isBefore(previous.resolvedAt().plus(backoff.resetCooldown())));
    if (match.isEmpty() && !carry) {
      return previous == null ? Step.NOTHING : new Step(true, null, null);
    }
    RemediationState state =
        new RemediationState(
            RemediationState.SCHEMA_VERSION,
            event.key(),
            event.openedAt(),
            null,
            event.driftType(),
            event.desiredCommit(),
            match.map(RemediationPolicy.Match::action).orElse(Action.NONE),
            match.map(RemediationPolicy.Match::rule).orElse(null),
            carry ? previous.attempts() : 0,
            carry ? previous.lastAttemptAt() : null,
            0,
            false,
            null);
    return plan(state, now);
  }

  private Step updated(RemediationState previous, DriftEvent event, JsonNode labels, Instant now) {
    Optional<RemediationPolicy.Match> match = policy.match(event.key(), event.driftType(), labels);
    RemediationState state =
        new RemediationState(
            RemediationState.SCHEMA_VERSION,
            previous.key(),
            previous.openedAt(),
            null,
            event.driftType(),
            event.desiredCommit(),
            match.map(RemediationPolicy.Match::action).orElse(Action.NONE),
            match.map(RemediationPolicy.Match::rule).orElse(null),
            previous.attempts(),
            previous.lastAttemptAt(),
            previous.episodeRequests(),
            previous.escalated(),
            previous.dueAt());
    return plan(state, now);
  }

  private Step resolved(RemediationState previous, Instant now) {
    if (previous == null || !previous.open()) {
      return Step.NOTHING;
    }
    if (backoff.resetCooldown().isZero() || previous.attempts() == 0) {
      return new Step(true, null, null);
    }
    RemediationState closed =
        new RemediationState(
            RemediationState.SCHEMA_VERSION,
            previous.key(),
            previous.openedAt(),
            now,
            previous.driftType(),
            previous.desiredCommit(),
            previous.action(),
            previous.rule(),
            previous.attempts(),
            previous.lastAttemptAt(),
            previous.episodeRequests(),
            previous.escalated(),
            now.plus(backoff.resetCooldown()));
    return new Step(true, closed, null);
  }

  private Step plan(RemediationState state, Instant now) {
    switch (state.action()) {
      case NONE -> {
        return new Step(true, state.withDueAt(null), null);
      }
      case NOTIFY -> {
        if (state.episodeRequests() > 0) {
          return new Step(true, state.withDueAt(null), null);
        }
        RemediationState next = requested(state, state.attempts(), state.lastAttemptAt(), false);
        return new Step(true, next, request(state, 1, false, now));
      }
      default -> {
        // RECONCILE and APPLY retry with backoff below.
      }
    }
    if (state.escalated()) {
      return new Step(true, state.withDueAt(null), null);
    }
    Instant due =
        state.lastAttemptAt() == null
            ? now
            : state.lastAttemptAt().plus(backoff.delayAfter(state.attempts()));
    if (now.isBefore(due)) {
      return new Step(true, state.withDueAt(due), null);
    }
    if (state.attempts() >= backoff.maxAttempts()) {
      RemediationState next = requested(state, state.attempts(), state.lastAttemptAt(), true);
      return new Step(true, next, request(state, state.attempts(), true, now));
    }
    int attempt = state.attempts() + 1;
    RemediationState next =
        requested(state, attempt, now, false).withDueAt(now.plus(backoff.delayAfter(attempt)));
    return new Step(true, next, request(state, attempt, false, now));
  }

  private static RemediationState requested(
      RemediationState state, int attempts, Instant lastAttemptAt, boolean escalated) {
    return new RemediationState(
        RemediationState.SCHEMA_VERSION,
        state.key(),
        state.openedAt(),
        state.resolvedAt(),
        state.driftType(),
        state.desiredCommit(),
        state.action(),
        state.rule(),
        attempts,
        lastAttemptAt,
        state.episodeRequests() + 1,
        escalated || state.escalated(),
        null);
  }

  private static RemediationRequest request(
      RemediationState state, int attempt, boolean escalated, Instant now) {
    return RemediationRequest.of(
        idempotencyKey(state, attempt, escalated),
        state.key(),
        state.action(),
        escalated,
        attempt,
        state.rule(),
        state.driftType(),
        state.desiredCommit(),
        state.openedAt(),
        now);
  }

  /**
   * SHA-256 of resource key, episode onset, action and attempt (or the escalation marker): the same
   * decision replayed after a crash gets the same key, any other decision a different one.
   */
  static String idempotencyKey(RemediationState state, int attempt, boolean escalated) {
    String identity =
        state.key()
            + "\n"
            + state.openedAt()
            + "\n"
            + state.action()
            + "\n"
            + (escalated ? "escalated" : Integer.toString(attempt));
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256, which every Java 17 JVM has", e);
    }
  }
}
