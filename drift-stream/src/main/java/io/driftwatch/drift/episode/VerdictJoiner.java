package io.driftwatch.drift.episode;

import io.driftwatch.diff.DiffEngine;
import io.driftwatch.diff.DiffResult;
import io.driftwatch.diff.managed.ManagedFields;
import io.driftwatch.drift.RejectedRecordException;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.SyncStatus;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.kstream.ValueJoiner;

/**
 * Turns the desired and live sides of one resource (either may be absent) into a {@link Verdict}
 * through the diff engine, with live's managedFields for attribution. A resource that Git does not
 * declare yields no verdict: telling an unmanaged object from an {@code EXTRA_LIVE} one needs the
 * reconciler's ownership marks, which this stage does not read yet. A side that is present but has
 * no manifest is refused ({@link RejectedRecordException}), never read as absent: only a tombstone
 * says a resource is gone.
 */
public final class VerdictJoiner implements ValueJoiner<DesiredState, LiveState, Verdict> {

  private final DiffEngine engine;

  public VerdictJoiner(DiffEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  @Override
  public Verdict apply(DesiredState desired, LiveState live) {
    if (desired == null) {
      return null;
    }
    if (desired.manifest() == null) {
      throw RejectedRecordException.missingManifest(
          "desired", desired.schemaVersion(), DesiredState.SCHEMA_VERSION);
    }
    if (live == null) {
      return new Verdict(
          SyncStatus.OUT_OF_SYNC, DriftType.MISSING_LIVE, List.of(), desired.commit());
    }
    if (live.manifest() == null) {
      throw RejectedRecordException.missingManifest(
          "live", live.schemaVersion(), LiveState.SCHEMA_VERSION);
    }
    DiffResult result =
        engine.diff(
            desired.manifest(), live.manifest(), ManagedFields.ofEntries(live.managedFields()));
    return switch (result.type()) {
      case NONE -> new Verdict(SyncStatus.SYNCED, DriftType.NONE, List.of(), desired.commit());
      default ->
          new Verdict(SyncStatus.OUT_OF_SYNC, result.type(), result.fields(), desired.commit());
    };
  }
}
