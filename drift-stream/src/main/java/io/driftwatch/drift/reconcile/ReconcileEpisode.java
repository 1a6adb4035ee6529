package io.driftwatch.drift.reconcile;

import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import java.time.Instant;
import java.util.List;

/**
 * What drift-stream remembers about one reconciler while it is failing: the current failure, how
 * many distinct failures the episode has seen, when it began, and which failures were published
 * recently (for the duplicate window). A reconciler that is not failing has no state at all, so the
 * store holds only open episodes. All fields are plain values, so the record round-trips through
 * the project's JSON mapping into a changelogged store.
 *
 * @param tool the reconciler's tool, kept so that a tombstone can still be described
 * @param reason the current failure's reason; null when the controller gave none
 * @param message the current failure's message; null when none
 * @param revision the current failure's attempted revision; null when none
 * @param attempts distinct failures seen in this episode, at least 1
 * @param failingSince when the episode began
 * @param published the failures published within the duplicate window, oldest first
 */
public record ReconcileEpisode(
    int schemaVersion,
    ReconcilerTool tool,
    String reason,
    String message,
    String revision,
    int attempts,
    Instant failingSince,
    List<Published> published) {

  public static final int SCHEMA_VERSION = 1;

  public ReconcileEpisode {
    published = published == null ? List.of() : List.copyOf(published);
  }

  /**
   * One failure published as a FAILING event.
   *
   * @param fingerprint a digest of reason, message and revision (the message itself is not kept
   *     twice, and its length is the controller's to choose)
   * @param at when it was published
   */
  public record Published(String fingerprint, Instant at) {}
}
