package io.driftwatch.drift.query;

/**
 * How drift-stream serves the query API.
 *
 * @param advertisedHost the host other drift-stream instances reach this one at (its pod IP or a
 *     headless-service name); with the HTTP port it becomes Kafka Streams' {@code
 *     application.server}, by which a query is forwarded to the instance that owns the key
 * @param transitionsKept how many of a resource's latest transitions are kept for queries
 */
public record QuerySettings(String advertisedHost, int transitionsKept) {

  public static final String DEFAULT_ADVERTISED_HOST = "localhost";

  public static final QuerySettings DEFAULTS =
      new QuerySettings(DEFAULT_ADVERTISED_HOST, TransitionHistory.DEFAULT_KEEP);

  public QuerySettings {
    if (advertisedHost == null || advertisedHost.isBlank()) {
      throw new IllegalArgumentException(
          "driftStream.queries.advertisedHost must not be empty: give the host other instances"
              + " reach this one at, or leave it out for "
              + DEFAULT_ADVERTISED_HOST);
    }
    if (transitionsKept < 1) {
      throw new IllegalArgumentException(
          "driftStream.queries.transitionsKept must be at least 1, was " + transitionsKept);
    }
  }
}
