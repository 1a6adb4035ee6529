package io.driftwatch.launcher.diff;

import io.driftwatch.diff.DiffResult;

/** The engine's verdict for one resource of the two files. */
public record ResourceDiff(ManifestKey key, DiffResult result) {}
