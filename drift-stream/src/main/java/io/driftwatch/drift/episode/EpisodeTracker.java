package io.driftwatch.drift.episode;

import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.ResourceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The drift episode state machine as a pure function: given what was last published for a resource
 * and its new verdict, it says what to remember and what to publish. One OPENED per episode,
 * UPDATED only when the drift type or the set of differing paths changes, RESOLVED with the
 * episode's duration; an unchanged verdict publishes nothing.
 */
public final class EpisodeTracker {

  private EpisodeTracker() {}

  /**
   * What one verdict changes.
   *
   * @param changed false when nothing is to be stored or published
   * @param next what to remember, or null to forget the resource (and publish a status tombstone)
   * @param event the transition to publish, or null
   */
  public record Step(boolean changed, DriftEpisode next, DriftEvent event) {

    static final Step NOTHING = new Step(false, null, null);

    /** The status to publish when {@link #changed()}: null is a tombstone. */
    public DriftStatus status() {
      return next == null ? null : next.status();
    }
  }

  /**
   * @param previous what was last published for this resource, or null when nothing was
   * @param verdict the new verdict, or null when Git no longer (or never) declared the resource
   * @param now the processing wall-clock time
   */
  public static Step advance(ResourceKey key, DriftEpisode previous, Verdict verdict, Instant now) {
    if (verdict == null) {
      if (previous == null) {
        return Step.NOTHING;
      }
      DriftEvent resolved =
          previous.open() ? resolved(key, previous, previous.status().desiredCommit(), now) : null;
      return new Step(true, null, resolved);
    }
    if (previous != null && sameVerdict(previous.status(), verdict)) {
      return Step.NOTHING;
    }
    boolean sameState =
        previous != null
            && previous.status().syncStatus() == verdict.syncStatus()
            && previous.status().driftType() == verdict.driftType();
    Instant since = sameState ? previous.status().since() : now;
    DriftStatus status =
        DriftStatus.of(
            key,
            verdict.syncStatus(),
            verdict.driftType(),
            verdict.diffs(),
            verdict.desiredCommit(),
            since,
            now);
    boolean wasOpen = previous != null && previous.open();
    if (!verdict.drifted()) {
      DriftEvent resolved = wasOpen ? resolved(key, previous, verdict.desiredCommit(), now) : null;
      return new Step(true, DriftEpisode.of(status, null), resolved);
    }
    if (!wasOpen) {
      DriftEvent opened = transition(key, DriftTransition.OPENED, verdict, now, now);
      return new Step(true, DriftEpisode.of(status, now), opened);
    }
    Instant openedAt = previous.openedAt();
    boolean reshaped =
        previous.status().driftType() != verdict.driftType()
            || !pathsOf(previous.status()).equals(verdict.diffPaths());
    DriftEvent updated =
        reshaped ? transition(key, DriftTransition.UPDATED, verdict, openedAt, now) : null;
    return new Step(true, DriftEpisode.of(status, openedAt), updated);
  }

  private static boolean sameVerdict(DriftStatus published, Verdict verdict) {
    return published.syncStatus() == verdict.syncStatus()
        && published.driftType() == verdict.driftType()
        && published.diffs().equals(verdict.diffs())
        && Objects.equals(published.desiredCommit(), verdict.desiredCommit());
  }

  private static java.util.Set<String> pathsOf(DriftStatus status) {
    return new Verdict(status.syncStatus(), status.driftType(), status.diffs(), null).diffPaths();
  }

  private static DriftEvent transition(
      ResourceKey key, DriftTransition kind, Verdict verdict, Instant openedAt, Instant now) {
    return DriftEvent.of(
        key,
        kind,
        verdict.driftType(),
        verdict.diffs(),
        verdict.desiredCommit(),
        openedAt,
        now,
        null);
  }

  private static DriftEvent resolved(
      ResourceKey key, DriftEpisode previous, String desiredCommit, Instant now) {
    return DriftEvent.of(
        key,
        DriftTransition.RESOLVED,
        previous.status().driftType(),
        List.of(),
        desiredCommit,
        previous.openedAt(),
        now,
        Duration.between(previous.openedAt(), now).toMillis());
  }
}
