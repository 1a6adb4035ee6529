package io.driftwatch.ingest.cluster;

import java.util.List;

/**
 * ingest-cluster's configuration: the clusters to watch, and the largest live state it publishes.
 *
 * @param maxObjectBytes the largest serialised live state published with its content; a larger one
 *     is published as a stub marked {@code driftwatch.io/truncated} and named in a dead letter
 */
public record ClusterIngestConfig(List<ClusterConfig> clusters, long maxObjectBytes) {

  /** 1 MiB, Kafka's default largest message; etcd stores objects up to about 1.5 MiB. */
  public static final long DEFAULT_MAX_OBJECT_BYTES = 1024 * 1024;

  public ClusterIngestConfig {
    clusters = clusters == null ? List.of() : List.copyOf(clusters);
    if (maxObjectBytes < 1024) {
      throw new IllegalArgumentException(
          "maxObjectBytes must be at least 1024 (it is " + maxObjectBytes + ")");
    }
  }

  /** The clusters, with the default size limit. */
  public ClusterIngestConfig(List<ClusterConfig> clusters) {
    this(clusters, DEFAULT_MAX_OBJECT_BYTES);
  }
}
