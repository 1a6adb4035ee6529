/**
 * What ingest-cluster published before it started, read back from {@code gitops.live-state.v1}, so
 * that an object deleted while nobody watched its cluster is tombstoned once its kind is listed
 * again, and an object that still exists never is.
 */
package io.driftwatch.ingest.cluster.resume;
