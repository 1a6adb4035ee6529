package io.driftwatch.drift.query;

import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A query about one key ({@code GET /api/v1/<collection>/<key>}), answered by the instance that
 * hosts the key's active partition of {@link #store()}; any other instance forwards it there.
 *
 * @param store the store whose partitioning decides which instance answers
 * @param keySerializer the store's key serializer: it must produce the bytes the store's input
 *     topic is keyed by, or the partition (and so the owner) comes out wrong
 * @param keys turns the path text after {@code <collection>/} into a key
 * @param query reads the answer from the owner's local stores
 */
public record KeyedRoute<K>(
    String store, Serializer<K> keySerializer, KeyParser<K> keys, KeyedQuery<K> query) {

  public KeyedRoute {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(keySerializer, "keySerializer");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(query, "query");
  }

  /** Parses a key from its path form. */
  @FunctionalInterface
  public interface KeyParser<K> {
    /**
     * @throws BadQueryException when the text is not a key; the message names the expected form
     */
    K parse(String text);
  }

  /** Answers a query about one key from this instance's stores. */
  @FunctionalInterface
  public interface KeyedQuery<K> {
    /**
     * @param local this instance, the owner of the key's partition
     * @param partition the key's partition, to open the one store partition that holds it
     * @return the answer (written as JSON), or empty when the key is not known (404)
     * @throws BadQueryException when a parameter is malformed
     */
    Optional<?> answer(StreamsInstance local, K key, int partition, QueryParameters parameters);
  }
}
