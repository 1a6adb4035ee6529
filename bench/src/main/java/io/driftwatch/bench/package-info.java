/**
 * JMH benchmarks of the diff engine. Each measures {@code DiffEngine.diff} next to Jackson's parse
 * of the same live document in the same run, because only the ratio is comparable across these
 * noisy shared machines; docs/benchmarks.md has the method, the command and the figures.
 */
package io.driftwatch.bench;
