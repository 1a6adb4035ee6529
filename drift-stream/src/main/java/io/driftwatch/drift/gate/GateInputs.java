package io.driftwatch.drift.gate;

import io.driftwatch.model.ResourceKey;
import java.time.Instant;

/**
 * What the gate needs to know about one resource besides its raw verdict.
 *
 * @param gitSource the id of the Git source that declares (or last declared) the resource, or null
 * @param desiredCommit the commit the desired side was rendered at, or null when nothing is desired
 * @param commitTime that commit's committer time, or null
 * @param reconciler the reconciler that manages the resource by its live ownership marks (or did
 *     when it was last seen live), or null when none is known
 */
public record GateInputs(
    String gitSource, String desiredCommit, Instant commitTime, ResourceKey reconciler) {}
