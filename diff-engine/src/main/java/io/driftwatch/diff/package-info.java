/**
 * The semantic drift engine: given a desired and a live manifest and the rules in force, decides
 * whether they agree and lists each differing field with who set it. Pure functions of their inputs
 * (no Kafka, no I/O), used by drift-stream and by {@code driftwatch diff}.
 */
package io.driftwatch.diff;
