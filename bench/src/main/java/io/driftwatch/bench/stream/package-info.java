/**
 * The drift-stream benchmark harness: throughput of the drift topology against an identity
 * passthrough on the same broker and input, latency from a live change to its drift event at a
 * stated offered load, and state size per tracked resource, all in one run on an in-process Kafka
 * broker. docs/benchmarks.md has the method, the command and the figures.
 */
package io.driftwatch.bench.stream;
