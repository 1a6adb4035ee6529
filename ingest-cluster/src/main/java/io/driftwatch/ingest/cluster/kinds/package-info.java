/**
 * Which kinds ingest-cluster watches in a cluster: the configured list, or {@code kinds: auto}, the
 * kinds the cluster's desired state holds (followed on {@code gitops.desired-state.v1} while
 * running) plus the reconciler kinds the cluster serves, each resolved to a served version through
 * the API server's discovery.
 */
package io.driftwatch.ingest.cluster.kinds;
