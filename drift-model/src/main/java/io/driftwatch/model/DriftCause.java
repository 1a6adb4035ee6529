package io.driftwatch.model;

import java.time.Instant;
import java.util.List;

/**
 * What the two sides looked like when a drift transition happened: the Git side's commit and
 * author, and the cluster side's observation and the field managers that own the differing fields.
 * It answers "who or what changed it?" on the audit trail without a second lookup.
 *
 * @param commit the desired side's commit sha, or null when nothing is desired
 * @param author that commit's author as {@code Name <email>}, or null when not known
 * @param commitTime that commit's committer time, or null
 * @param liveResourceVersion the live object's resourceVersion, or null when nothing is live
 * @param liveObservedAt when ingest-cluster observed that version, or null
 * @param managers the distinct field managers that own the differing fields, in the order the
 *     fields appear; empty when none is known
 */
public record DriftCause(
    String commit,
    String author,
    Instant commitTime,
    String liveResourceVersion,
    Instant liveObservedAt,
    List<FieldOwner> managers) {

  public DriftCause {
    managers = managers == null ? List.of() : List.copyOf(managers);
  }
}
