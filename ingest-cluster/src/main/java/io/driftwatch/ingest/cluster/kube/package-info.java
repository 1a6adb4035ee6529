/**
 * ingest-cluster's side of the Kubernetes API, on fabric8: building a client per cluster, resolving
 * each watched kind to its plural and scope, and running one generic informer per kind and
 * namespace whose events become live state and whose initial list becomes a sync marker. A cluster
 * that cannot be reached is retried with backoff while the others keep flowing.
 */
package io.driftwatch.ingest.cluster.kube;
