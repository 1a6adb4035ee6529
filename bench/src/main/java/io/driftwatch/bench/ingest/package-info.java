/**
 * Benchmarks of ingest-git on a generated 10,000-object kustomize fleet: JMH for rendering one
 * overlay in-process against a {@code kubectl kustomize} subprocess and for rendering the whole
 * fleet, and a main-class harness for the pipeline end to end on a real Git repository and a real
 * Kafka broker (initial publish, no-change poll, one-file commit, and where a poll's time goes).
 * docs/benchmarks.md has the commands and the figures.
 */
package io.driftwatch.bench.ingest;
