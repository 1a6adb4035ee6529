package io.driftwatch.drift.reconcile;

import io.driftwatch.drift.reconcile.ReconcileEpisode.Published;
import io.driftwatch.model.ReconcileEvent;
import io.driftwatch.model.ReconcileEvent.Transition;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ReconcilerStatus.ReadyState;
import io.driftwatch.model.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The reconcile-failure state machine as a pure function: given the open episode of one reconciler
 * (or none) and its new status, it says what to remember and what to publish. Ready FALSE opens an
 * episode (FAILING), a changed failure publishes another FAILING unless the same failure was
 * published within the duplicate window, Ready TRUE closes it (RECOVERED) and a tombstone closes it
 * (DELETED). Unknown readiness and suspended reconcilers change nothing.
 */
public final class ReconcileFailureTracker {

  /**
   * How many published failures an episode remembers at most: a reconciler alternating between more
   * distinct messages than this within one window is rare, and the store stays bounded.
   */
  static final int MAX_REMEMBERED = 32;

  private final Duration dedupWindow;

  public ReconcileFailureTracker(ReconcileFailureSettings settings) {
    this.dedupWindow = Objects.requireNonNull(settings, "reconcile failure settings").dedupWindow();
  }

  /**
   * What one status changes.
   *
   * @param changed false when nothing is to be stored or published
   * @param next what to remember, or null to forget the reconciler (no episode is open)
   * @param event the transition to publish, or null
   */
  public record Step(boolean changed, ReconcileEpisode next, ReconcileEvent event) {

    static final Step NOTHING = new Step(false, null, null);
  }

  /**
   * @param key the reconciler object's key (the record key of {@code gitops.reconciler-status.v1})
   * @param previous the open episode, or null when the reconciler is not failing
   * @param status the new status, or null when the reconciler object was deleted (a tombstone)
   * @param now when this status is processed; all onsets, durations and the window use it
   */
  public Step advance(
      ResourceKey key, ReconcileEpisode previous, ReconcilerStatus status, Instant now) {
    if (status == null) {
      return previous == null ? Step.NOTHING : new Step(true, null, closed(key, previous, now));
    }
    // A suspended reconciler does not reconcile: its Ready condition is frozen at whatever it was
    // when suspended, so it neither proves a failure nor a recovery.
    if (status.suspended() || status.ready() == null || status.ready() == ReadyState.UNKNOWN) {
      return Step.NOTHING;
    }
    if (status.ready() == ReadyState.TRUE) {
      return previous == null
          ? Step.NOTHING
          : new Step(true, null, recovered(key, previous, status, now));
    }
    String fingerprint =
        fingerprint(status.reason(), status.message(), status.lastAttemptedRevision());
    if (previous == null) {
      ReconcileEpisode opened = episode(status, 1, now, List.of(new Published(fingerprint, now)));
      return new Step(true, opened, failing(key, opened, now));
    }
    if (Objects.equals(previous.reason(), status.reason())
        && Objects.equals(previous.message(), status.message())
        && Objects.equals(previous.revision(), status.lastAttemptedRevision())) {
      return Step.NOTHING;
    }
    List<Published> recent = new ArrayList<>();
    for (Published published : previous.published()) {
      if (Duration.between(published.at(), now).compareTo(dedupWindow) < 0) {
        recent.add(published);
      }
    }
    boolean duplicate = recent.stream().anyMatch(p -> p.fingerprint().equals(fingerprint));
    if (!duplicate) {
      recent.add(new Published(fingerprint, now));
      if (recent.size() > MAX_REMEMBERED) {
        recent.remove(0);
      }
    }
    ReconcileEpisode next =
        episode(status, previous.attempts() + 1, previous.failingSince(), recent);
    return new Step(true, next, duplicate ? null : failing(key, next, now));
  }

  private static ReconcileEpisode episode(
      ReconcilerStatus status, int attempts, Instant since, List<Published> published) {
    return new ReconcileEpisode(
        ReconcileEpisode.SCHEMA_VERSION,
        status.tool(),
        status.reason(),
        status.message(),
        status.lastAttemptedRevision(),
        attempts,
        since,
        published);
  }

  private static ReconcileEvent failing(ResourceKey key, ReconcileEpisode episode, Instant now) {
    return ReconcileEvent.of(
        key,
        episode.tool(),
        Transition.FAILING,
        episode.reason(),
        episode.message(),
        episode.revision(),
        episode.attempts(),
        episode.failingSince(),
        now,
        null);
  }

  private static ReconcileEvent recovered(
      ResourceKey key, ReconcileEpisode episode, ReconcilerStatus status, Instant now) {
    return ReconcileEvent.of(
        key,
        status.tool(),
        Transition.RECOVERED,
        status.reason(),
        status.message(),
        status.lastAppliedRevision(),
        episode.attempts(),
        episode.failingSince(),
        now,
        Duration.between(episode.failingSince(), now).toMillis());
  }

  private static ReconcileEvent closed(ResourceKey key, ReconcileEpisode episode, Instant now) {
    return ReconcileEvent.of(
        key,
        episode.tool(),
        Transition.DELETED,
        episode.reason(),
        episode.message(),
        episode.revision(),
        episode.attempts(),
        episode.failingSince(),
        now,
        Duration.between(episode.failingSince(), now).toMillis());
  }

  /** Length-prefixed so that ("a", "bc") and ("ab", "c") differ, and null differs from "". */
  static String fingerprint(String reason, String message, String revision) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {reason, message, revision}) {
        byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
        digest.update((part == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
