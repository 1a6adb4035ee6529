/**
 * alert-sink's meters: one Micrometer binder per concern that computes the values of meters
 * declared in {@link io.driftwatch.telemetry.MeterCatalog} from the drift topics. Tag values stay
 * low-cardinality: a resource name is never a tag.
 */
package io.driftwatch.alert.metrics;
