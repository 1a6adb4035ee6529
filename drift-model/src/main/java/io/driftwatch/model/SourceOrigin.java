package io.driftwatch.model;

/** Which side of the comparison a {@link SourceStatus} speaks for. */
public enum SourceOrigin {
  /** A Git source rendered by ingest-git: desired state. */
  GIT,
  /** One kind in one cluster watched by ingest-cluster: live state. */
  CLUSTER
}
