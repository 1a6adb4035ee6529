package io.driftwatch.alert.metrics;

/**
 * A meter binder fed from a compacted topic: every record of a batch, then one refresh that
 * publishes the new values.
 */
public interface TopicBinder<K, V> {

  /** Records the latest value of one key; a null value (a tombstone) forgets the key. */
  void record(K key, V value);

  /** Recomputes the meters from what has been recorded; series of forgotten groups go away. */
  void refresh();
}
