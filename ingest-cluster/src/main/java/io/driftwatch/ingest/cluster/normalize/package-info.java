/**
 * The pure edge of ingest-cluster: {@link
 * io.driftwatch.ingest.cluster.normalize.LiveStateNormalizer} turns an object as the API server
 * returns it into the live state that drift-stream compares with desired, stripping what the server
 * sets, splitting out status and redacting Secret values; {@link
 * io.driftwatch.ingest.cluster.normalize.OwnershipMarks} reads which GitOps reconciler manages the
 * object. No I/O happens here, so it is tested with paired fixtures.
 */
package io.driftwatch.ingest.cluster.normalize;
