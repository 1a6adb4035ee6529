package io.driftwatch.drift.episode;

import io.driftwatch.model.DriftCause;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The drift episode state machine as a pure function: given what was last published for a resource
 * and its new (gated) verdict, it says what to remember and what to publish. One OPENED per
 * episode, UPDATED only when the drift type or the set of differing paths changes, RESOLVED with
 * the episode's duration; an unchanged verdict publishes nothing. A PENDING or UNKNOWN verdict
 * neither opens nor resolves an episode: an open one stays open through it, and a drift of the same
 * shape afterwards is not a new transition.
 */
public final class EpisodeTracker {

  private EpisodeTracker() {}

  /**
   * What one verdict changes.
   *
   * @param store false when nothing is to be stored
   * @param publish true when the status changed and is to be published
   * @param next what to remember, or null to forget the resource (and publish a status tombstone)
   * @param event the transition to publish, or null
   */
  public record Step(boolean store, boolean publish, DriftEpisode next, DriftEvent event) {

    static final Step NOTHING = new Step(false, false, null, null);

    /** The status to publish when {@link #publish()}: null is a tombstone. */
    public DriftStatus status() {
      return next == null ? null : next.status();
    }
  }

  /**
   * @param previous what was last published for this resource, or null when nothing was
   * @param verdict the gated verdict, or null when the resource is no longer judged (gone from Git
   *     and not a managed orphan, or gone from both sides)
   * @param gitSource the Git source now known to declare it, or null to keep the remembered one
   * @param reconciler the reconciler now known to manage it, or null to keep the remembered one
   * @param cause the sides behind this verdict, attached to any transition; may be null
   * @param now the processing wall-clock time
   */
  public static Step advance(
      ResourceKey key,
      DriftEpisode previous,
      Verdict verdict,
      String gitSource,
      ResourceKey reconciler,
      DriftCause cause,
      Instant now) {
    if (verdict == null) {
      if (previous == null) {
        return Step.NOTHING;
      }
      DriftEvent resolved =
          previous.open()
              ? resolved(key, previous, previous.status().desiredCommit(), now, cause)
              : null;
      return new Step(true, true, null, resolved);
    }
    String source = gitSource != null ? gitSource : previous == null ? null : previous.gitSource();
    ResourceKey owner =
        reconciler != null ? reconciler : previous == null ? null : previous.reconciler();
    if (previous != null && sameVerdict(previous.status(), verdict)) {
      boolean remembered =
          Objects.equals(previous.gitSource(), source)
              && Objects.equals(previous.reconciler(), owner);
      return remembered
          ? Step.NOTHING
          : new Step(true, false, previous.remembering(source, owner), null);
    }
    boolean wasOpen = previous != null && previous.open();
    Instant openedAt = wasOpen ? previous.openedAt() : null;
    DriftType openType = wasOpen ? previous.episodeType() : null;
    List<String> openPaths = wasOpen ? previous.openPaths() : null;
    DriftEvent event = null;
    if (verdict.drifted()) {
      List<String> paths = List.copyOf(verdict.diffPaths());
      if (!wasOpen) {
        openedAt = now;
        event = transition(key, DriftTransition.OPENED, verdict, now, now);
      } else if (openType != verdict.driftType() || !paths.equals(openPaths)) {
        event = transition(key, DriftTransition.UPDATED, verdict, openedAt, now);
      }
      openType = verdict.driftType();
      openPaths = paths;
    } else if (verdict.syncStatus() == SyncStatus.SYNCED && wasOpen) {
      event = resolved(key, previous, verdict.desiredCommit(), now, cause);
      openedAt = null;
      openType = null;
      openPaths = null;
    }
    boolean sameState =
        previous != null
            && previous.status().syncStatus() == verdict.syncStatus()
            && previous.status().driftType() == verdict.driftType();
    DriftStatus status =
        DriftStatus.of(
            key,
            verdict.syncStatus(),
            verdict.driftType(),
            verdict.diffs(),
            verdict.desiredCommit(),
            sameState ? previous.status().since() : now,
            now,
            openedAt,
            verdict.reason());
    DriftEpisode next =
        new DriftEpisode(
            DriftEpisode.SCHEMA_VERSION, status, openedAt, openType, openPaths, source, owner);
    return new Step(true, true, next, event == null ? null : event.withCause(cause));
  }

  private static boolean sameVerdict(DriftStatus published, Verdict verdict) {
    return published.syncStatus() == verdict.syncStatus()
        && published.driftType() == verdict.driftType()
        && published.diffs().equals(verdict.diffs())
        && Objects.equals(published.desiredCommit(), verdict.desiredCommit())
        && Objects.equals(published.reason(), verdict.reason());
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
      ResourceKey key, DriftEpisode previous, String desiredCommit, Instant now, DriftCause cause) {
    return DriftEvent.of(
            key,
            DriftTransition.RESOLVED,
            previous.episodeType(),
            List.of(),
            desiredCommit,
            previous.openedAt(),
            now,
            Duration.between(previous.openedAt(), now).toMillis())
        .withCause(cause);
  }
}
