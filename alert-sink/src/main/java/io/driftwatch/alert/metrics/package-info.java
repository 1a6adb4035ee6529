/**
 * driftwatch's own meters: the {@link io.driftwatch.alert.metrics.MeterCatalog} that declares them
 * all, and one Micrometer binder per concern that computes their values from the drift topics. Tag
 * values stay low-cardinality: a resource name is never a tag.
 */
package io.driftwatch.alert.metrics;
