/**
 * The diff engine's specification by example: a corpus of paired desired/live fixtures with the
 * expected verdict (written from docs/drift-semantics.md, with realistic live objects as an API
 * server returns them), a runner that holds the engine to it, and property tests that derive many
 * more cases from the same fixtures.
 */
package io.driftwatch.diff.corpus;
