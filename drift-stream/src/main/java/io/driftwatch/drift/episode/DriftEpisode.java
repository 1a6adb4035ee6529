package io.driftwatch.drift.episode;

import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;
import java.time.Instant;
import java.util.List;

/**
 * What drift-stream remembers per resource in {@code drift-episode-store}: the status it last
 * published, the open drift episode if any, and the source and reconciler last known for the
 * resource. The store is changelogged, so this survives restarts and nothing already published is
 * published again.
 *
 * <p>{@code openType}, {@code openPaths}, {@code gitSource} and {@code reconciler} were added
 * within schema version 1; records written before them read back with them null.
 *
 * @param status the last published status
 * @param openedAt when the open episode began, or null when none is open
 * @param openType the drift type the open episode last had, or null when none is open
 * @param openPaths the differing paths the open episode last had (sorted), or null
 * @param gitSource the Git source that declares or last declared the resource, or null; an {@code
 *     EXTRA_LIVE} verdict needs it, because Git no longer says
 * @param reconciler the reconciler whose ownership marks the live object last carried, or null
 */
public record DriftEpisode(
    int schemaVersion,
    DriftStatus status,
    Instant openedAt,
    DriftType openType,
    List<String> openPaths,
    String gitSource,
    ResourceKey reconciler) {

  public static final int SCHEMA_VERSION = 1;

  public DriftEpisode {
    openPaths = openPaths == null ? null : List.copyOf(openPaths);
  }

  /** True while a drift episode is open. */
  public boolean open() {
    return openedAt != null;
  }

  /** The drift type of the open episode, falling back to the status for older records. */
  public DriftType episodeType() {
    return openType != null ? openType : status.driftType();
  }

  /** This episode remembering another source and reconciler. */
  DriftEpisode remembering(String source, ResourceKey owner) {
    return new DriftEpisode(schemaVersion, status, openedAt, openType, openPaths, source, owner);
  }
}
