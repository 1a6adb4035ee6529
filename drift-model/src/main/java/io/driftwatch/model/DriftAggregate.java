package io.driftwatch.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the compacted {@code gitops.drift-aggregates.v1}: a figure that drift-stream keeps for
 * a group of resources, so that alert-sink can export drift per cluster and namespace without
 * holding the status of every resource. A row that no longer holds (a count fell to 0, no drift
 * episode is open any more) is a tombstone, so compaction drops groups that have vanished.
 *
 * @param measure which figure the row carries
 * @param cluster the cluster of the resources counted
 * @param namespace their namespace; empty for cluster-scoped resources
 * @param group on {@link Measure#RESOURCES} rows, the API group (empty for the core API); null on
 *     {@link Measure#OLDEST_OPEN} rows
 * @param kind on {@link Measure#RESOURCES} rows, the kind; null otherwise
 * @param driftType on {@link Measure#RESOURCES} rows, the drift type counted; {@link
 *     DriftType#NONE} counts the resources that are known and not drifted, so that a group whose
 *     drift resolved still shows (as 0 drifted). Null otherwise
 * @param count on {@link Measure#RESOURCES} rows, how many resources (at least 1); null otherwise
 * @param openedAt on {@link Measure#OLDEST_OPEN} rows, when the oldest drift episode still open in
 *     the namespace began; null otherwise
 */
public record DriftAggregate(
    int schemaVersion,
    Measure measure,
    String cluster,
    String namespace,
    String group,
    String kind,
    DriftType driftType,
    Long count,
    Instant openedAt) {

  public static final int SCHEMA_VERSION = 1;

  /** The prefix of every {@link Measure#RESOURCES} row's key. */
  public static final String RESOURCES_PREFIX = "resources:";

  /** The prefix of every {@link Measure#OLDEST_OPEN} row's key. */
  public static final String OLDEST_OPEN_PREFIX = "oldest:";

  /** Which figure a row carries. */
  public enum Measure {
    /** How many resources of one cluster, namespace, API group and kind have one drift type. */
    RESOURCES,
    /** When the oldest drift episode still open in one cluster and namespace began. */
    OLDEST_OPEN
  }

  public DriftAggregate {
    if (measure == null) {
      throw new IllegalArgumentException("Drift aggregate row has no measure");
    }
    if (cluster == null || cluster.isBlank()) {
      throw new IllegalArgumentException("Drift aggregate row " + measure + " has no cluster");
    }
    namespace = namespace == null ? "" : namespace;
    switch (measure) {
      case RESOURCES -> {
        group = group == null ? "" : group;
        if (kind == null || kind.isBlank() || driftType == null || count == null || count < 1) {
          throw new IllegalArgumentException(
              "Drift aggregate row for "
                  + cluster
                  + "/"
                  + namespace
                  + " must name a kind and a drift type and count at least 1 resource (kind="
                  + kind
                  + ", driftType="
                  + driftType
                  + ", count="
                  + count
                  + ")");
        }
      }
      case OLDEST_OPEN -> {
        if (openedAt == null) {
          throw new IllegalArgumentException(
              "Oldest open drift row for " + cluster + "/" + namespace + " has no openedAt");
        }
      }
    }
  }

  /** A count of resources of one group and drift type; {@code count} must be at least 1. */
  public static DriftAggregate resources(
      String cluster, String namespace, String group, String kind, DriftType type, long count) {
    return new DriftAggregate(
        SCHEMA_VERSION, Measure.RESOURCES, cluster, namespace, group, kind, type, count, null);
  }

  /** The start of the oldest drift episode open in one namespace of one cluster. */
  public static DriftAggregate oldestOpen(String cluster, String namespace, Instant openedAt) {
    return new DriftAggregate(
        SCHEMA_VERSION, Measure.OLDEST_OPEN, cluster, namespace, null, null, null, null, openedAt);
  }

  /**
   * The record key of a {@link Measure#RESOURCES} row: {@code
   * resources:<cluster>/<namespace>/<group>/<kind>/<driftType>}, segments escaped as in {@link
   * ResourceKey}, so that distinct groups never share a key.
   */
  public static String resourcesKey(
      String cluster, String namespace, String group, String kind, DriftType type) {
    return RESOURCES_PREFIX
        + ResourceKey.encode(cluster)
        + '/'
        + ResourceKey.encode(Objects.requireNonNullElse(namespace, ""))
        + '/'
        + ResourceKey.encode(Objects.requireNonNullElse(group, ""))
        + '/'
        + ResourceKey.encode(kind)
        + '/'
        + type.name();
  }

  /**
   * The record key of an {@link Measure#OLDEST_OPEN} row: {@code oldest:<cluster>/<namespace>},
   * segments escaped as in {@link ResourceKey}.
   */
  public static String oldestOpenKey(String cluster, String namespace) {
    return OLDEST_OPEN_PREFIX
        + ResourceKey.encode(cluster)
        + '/'
        + ResourceKey.encode(Objects.requireNonNullElse(namespace, ""));
  }

  /** This row's record key. */
  public String key() {
    return switch (measure) {
      case RESOURCES -> resourcesKey(cluster, namespace, group, kind, driftType);
      case OLDEST_OPEN -> oldestOpenKey(cluster, namespace);
    };
  }
}
