package io.driftwatch.drift.episode;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.drift.diff.ManifestComparator;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.SyncStatus;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.kstream.ValueJoiner;

/**
 * Turns the desired and live sides of one resource (either may be absent) into a {@link Verdict}. A
 * resource that Git does not declare yields no verdict: telling an unmanaged object from an {@code
 * EXTRA_LIVE} one needs the reconciler's ownership marks, which this stage does not read yet.
 */
public final class VerdictJoiner implements ValueJoiner<DesiredState, LiveState, Verdict> {

  private final ManifestComparator comparator;

  public VerdictJoiner(ManifestComparator comparator) {
    this.comparator = Objects.requireNonNull(comparator, "comparator");
  }

  @Override
  public Verdict apply(DesiredState desired, LiveState live) {
    if (desired == null) {
      return null;
    }
    if (live == null) {
      return new Verdict(
          SyncStatus.OUT_OF_SYNC, DriftType.MISSING_LIVE, List.of(), desired.commit());
    }
    List<FieldDiff> diffs =
        comparator.compare(orEmpty(desired.manifest()), orEmpty(live.manifest()));
    return diffs.isEmpty()
        ? new Verdict(SyncStatus.SYNCED, DriftType.NONE, List.of(), desired.commit())
        : new Verdict(SyncStatus.OUT_OF_SYNC, DriftType.MODIFIED, diffs, desired.commit());
  }

  private static ObjectNode orEmpty(ObjectNode manifest) {
    return manifest == null ? JsonNodeFactory.instance.objectNode() : manifest;
  }
}
