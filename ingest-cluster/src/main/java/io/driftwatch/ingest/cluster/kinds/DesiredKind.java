package io.driftwatch.ingest.cluster.kinds;

/**
 * A kind as the desired state of a cluster first showed it.
 *
 * @param apiVersion the apiVersion Git writes it in
 * @param namespaced whether its object had a namespace (ingest-git gives every namespaced object
 *     one)
 */
public record DesiredKind(String apiVersion, boolean namespaced) {}
