/**
 * Publishing a source's desired set to Kafka: what changed since the source last published (by
 * content hash), tombstones for what it no longer declares, dead letters for render errors, the
 * commit's record and the source status, one transaction per commit; and rebuilding the last
 * published state from the desired-state topic on start.
 */
package io.driftwatch.ingest.git.publish;
