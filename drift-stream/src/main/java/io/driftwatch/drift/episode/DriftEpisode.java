package io.driftwatch.drift.episode;

import io.driftwatch.model.DriftStatus;
import java.time.Instant;

/**
 * What drift-stream remembers per resource in {@code drift-episode-store}: the status it last
 * published and, while a drift episode is open, when it began. The store is changelogged, so this
 * survives restarts and nothing already published is published again.
 *
 * @param status the last published status
 * @param openedAt when the open episode began, or null when none is open
 */
public record DriftEpisode(int schemaVersion, DriftStatus status, Instant openedAt) {

  public static final int SCHEMA_VERSION = 1;

  public static DriftEpisode of(DriftStatus status, Instant openedAt) {
    return new DriftEpisode(SCHEMA_VERSION, status, openedAt);
  }

  /** True while a drift episode is open. */
  public boolean open() {
    return openedAt != null;
  }
}
