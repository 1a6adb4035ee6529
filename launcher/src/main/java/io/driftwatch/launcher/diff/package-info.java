/**
 * The parts of {@code driftwatch diff} around the engine: reading manifest and rules files under
 * the same parsing bounds as ingest-git, matching desired and live resources by group, kind,
 * namespace and name, and rendering the engine's verdicts as a unified-diff-like text or as the
 * stable JSON contract described in docs/cli-diff.md. Secrets are redacted as they are read, so no
 * value reaches the engine, a renderer or an error message.
 */
package io.driftwatch.launcher.diff;
