package io.driftwatch.drift.aggregate;

import io.driftwatch.model.DriftType;
import java.time.Instant;

/**
 * What the aggregates need of one resource's status, and all they remember of it: the drift type it
 * counts under ({@link DriftType#NONE} when it is known but not drifted) and when its open drift
 * episode began (null when none is open). Kept small on purpose: it is the per-resource state.
 */
record ResourceFacts(DriftType driftType, Instant openedAt) {}
