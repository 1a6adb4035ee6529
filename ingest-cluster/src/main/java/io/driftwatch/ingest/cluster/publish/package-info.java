/**
 * Where ingest-cluster's observations leave the module: the live-state publisher (normalised
 * objects and tombstones, reconciler status for reconciler objects, dead letters for malformed
 * objects), the source-status publisher (sync markers per watched kind) and the {@link
 * io.driftwatch.ingest.cluster.publish.TopicSink} seam over one idempotent Kafka producer. Topic
 * names and serdes always come from the registry in drift-model.
 */
package io.driftwatch.ingest.cluster.publish;
