package io.driftwatch.ingest.cluster.publish;

import io.driftwatch.model.topic.Topic;

/**
 * Where ingest-cluster's records go: one topic from the registry, a key and a value (null for a
 * tombstone). The seam between the publishers and Kafka, so that the publishers are unit-tested
 * without a broker.
 */
public interface TopicSink extends AutoCloseable {

  /** Sends one record asynchronously, serialised with the topic's serdes. */
  <K, V> void send(Topic<K, V> topic, K key, V value);

  /** Waits until every record sent so far is acknowledged or has failed. */
  void flush();

  @Override
  void close();
}
