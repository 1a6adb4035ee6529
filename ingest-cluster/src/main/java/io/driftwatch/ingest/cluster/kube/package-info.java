/**
 * ingest-cluster's side of the Kubernetes API, on fabric8: building a client per cluster, resolving
 * each watched kind to its plural and scope, and running one generic informer per kind and
 * namespace over a lean store (key, resourceVersion and fingerprint per object, never the object).
 * Its events become live state; its list cycle becomes the sync marker (LISTING, SYNCED, RELISTING
 * after a lost watch, SYNCED again); its first list is reconciled with what the kind published
 * before, so objects deleted while not watched are tombstoned. A cluster that cannot be reached is
 * retried with backoff while the others keep flowing.
 */
package io.driftwatch.ingest.cluster.kube;
