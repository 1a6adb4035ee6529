/**
 * Drift aggregates for metrics, computed in the topology: drifted resources per cluster, namespace,
 * API group, kind and drift type, and the oldest open drift per cluster and namespace, on {@code
 * gitops.drift-aggregates.v1}. Computing them here rather than in alert-sink means they scale with
 * drift-stream's partitions, are exact under exactly-once processing, and a sink needs only the
 * rows, not every resource. {@link io.driftwatch.drift.aggregate.DriftAggregates#attach} is the one
 * entry point.
 */
package io.driftwatch.drift.aggregate;
