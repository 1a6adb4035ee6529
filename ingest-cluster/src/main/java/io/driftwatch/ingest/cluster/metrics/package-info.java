/**
 * ingest-cluster's per-cluster meters: watch state per kind (from the sync markers), informer
 * events by type, the time of the last event and the objects tracked, registered from the telemetry
 * module's catalogue on the registry the launcher serves on {@code /metrics}.
 */
package io.driftwatch.ingest.cluster.metrics;
