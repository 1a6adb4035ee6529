package io.driftwatch.drift.episode;

import io.driftwatch.drift.gate.GateInputs;
import io.driftwatch.model.DriftCause;
import java.time.Instant;
import java.util.Objects;

/**
 * A raw drift the gate withholds, kept in {@code drift-held-store} until the gate lets it through
 * or newer input replaces it: the recheck punctuator judges these again without new input.
 *
 * @param raw the verdict as the comparison gave it
 * @param inputs the source and reconciler to consult
 * @param cause the two sides behind it, for the transition's cause when it is published
 * @param firstSeen when drift-stream first saw this difference at this commit: the pending grace
 *     period counts from here (or from the commit time if earlier)
 */
public record HeldVerdict(
    int schemaVersion, Verdict raw, GateInputs inputs, DriftCause cause, Instant firstSeen) {

  public static final int SCHEMA_VERSION = 1;

  static HeldVerdict of(Verdict raw, GateInputs inputs, DriftCause cause, Instant firstSeen) {
    return new HeldVerdict(SCHEMA_VERSION, raw, inputs, cause, firstSeen);
  }

  /** True when {@code other} is the same difference: same drift type at the same commit. */
  boolean sameDifference(Verdict other) {
    return raw.driftType() == other.driftType()
        && Objects.equals(raw.desiredCommit(), other.desiredCommit());
  }
}
