package io.driftwatch.ingest.cluster;

import java.util.List;

/** ingest-cluster's configuration: the clusters to watch. */
public record ClusterIngestConfig(List<ClusterConfig> clusters) {

  public ClusterIngestConfig {
    clusters = clusters == null ? List.of() : List.copyOf(clusters);
  }
}
