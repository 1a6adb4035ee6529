package io.driftwatch.drift.query;

import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SyncStatus;
import java.time.Instant;

/**
 * One resource in the answer to {@code GET /api/v1/drift}: its status without the field values,
 * which a fleet-wide list does not need ({@code /api/v1/resources/<key>} has them).
 *
 * @param differences how many fields differ
 */
public record DriftSummary(
    ResourceKey key,
    String cluster,
    String group,
    String kind,
    String namespace,
    String name,
    SyncStatus syncStatus,
    DriftType driftType,
    int differences,
    String desiredCommit,
    Instant since,
    Instant openedAt,
    String reason) {

  /** The summary of a published status. */
  public static DriftSummary of(DriftStatus status) {
    ResourceKey key = status.key();
    return new DriftSummary(
        key,
        key.cluster(),
        key.group(),
        key.kind(),
        key.namespace(),
        key.name(),
        status.syncStatus(),
        status.driftType(),
        status.diffs().size(),
        status.desiredCommit(),
        status.since(),
        status.openedAt(),
        status.reason());
  }
}
