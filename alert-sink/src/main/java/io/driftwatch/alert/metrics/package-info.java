/**
 * alert-sink's meters: one Micrometer binder per compacted topic, exporting meters declared in
 * {@link io.driftwatch.telemetry.MeterCatalog}. Figures over many resources are computed in
 * drift-stream (gitops.drift-aggregates.v1), so a binder holds rows per group, not per resource.
 * Tag values stay low-cardinality: a resource name is never a tag.
 */
package io.driftwatch.alert.metrics;
