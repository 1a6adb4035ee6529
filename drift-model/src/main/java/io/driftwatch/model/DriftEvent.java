package io.driftwatch.model;

import java.time.Instant;
import java.util.List;

/**
 * One transition of a resource's drift episode: the value of {@code gitops.drift-events.v1}.
 *
 * @param driftType the type while the episode is open; on RESOLVED, the type it had last
 * @param diffs the differing fields at this transition (empty on RESOLVED)
 * @param openedAt when the episode began
 * @param at when this transition happened
 * @param durationMillis on RESOLVED, how long the episode lasted; otherwise null
 * @param cause the commit and the live observation behind this transition, or null when not known
 *     (records written before the field existed read back with it null)
 */
public record DriftEvent(
    int schemaVersion,
    ResourceKey key,
    DriftTransition transition,
    DriftType driftType,
    List<FieldDiff> diffs,
    String desiredCommit,
    Instant openedAt,
    Instant at,
    Long durationMillis,
    DriftCause cause) {

  public static final int SCHEMA_VERSION = 1;

  public DriftEvent {
    diffs = diffs == null ? List.of() : List.copyOf(diffs);
  }

  public static DriftEvent of(
      ResourceKey key,
      DriftTransition transition,
      DriftType driftType,
      List<FieldDiff> diffs,
      String desiredCommit,
      Instant openedAt,
      Instant at,
      Long durationMillis) {
    return new DriftEvent(
        SCHEMA_VERSION,
        key,
        transition,
        driftType,
        diffs,
        desiredCommit,
        openedAt,
        at,
        durationMillis,
        null);
  }

  /** This transition with its cause. */
  public DriftEvent withCause(DriftCause cause) {
    return new DriftEvent(
        schemaVersion,
        key,
        transition,
        driftType,
        diffs,
        desiredCommit,
        openedAt,
        at,
        durationMillis,
        cause);
  }
}
