/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) run inside the calling
 * JVM from the Apache server artifacts. It is the broker of driftwatch's laptop mode and of the
 * integration tests where Docker is absent; its data stays on disk, so a restart on the same data
 * directory keeps topics, records and committed offsets.
 */
package io.driftwatch.kafka.embedded;
