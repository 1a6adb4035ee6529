package io.driftwatch.diff.managed;

/** Placeholder: see the engine helper's brief. */
public final class ManagedFields {}
