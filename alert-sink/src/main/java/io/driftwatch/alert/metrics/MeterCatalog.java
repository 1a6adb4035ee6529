package io.driftwatch.alert.metrics;

import io.micrometer.core.instrument.Meter;
import java.util.List;

/**
 * The one place that declares every driftwatch meter: name, type, unit, description and tag keys.
 * Binders register meters only from here, and dashboards and alert rules use only names listed
 * here.
 */
public final class MeterCatalog {

  public static final String TAG_CLUSTER = "cluster";
  public static final String TAG_NAMESPACE = "namespace";
  public static final String TAG_KIND = "kind";
  public static final String TAG_DRIFT_TYPE = "drift_type";
  public static final String TAG_SOURCE = "source";

  /**
   * {@code gitops_drift_resources{cluster,namespace,kind,drift_type}}: resources currently drifted.
   * Every (cluster, namespace, kind) with at least one known resource has a series per drift type,
   * 0 when none is drifted, so that a resolved drift reads 0 rather than vanishing.
   */
  public static final MeterSpec DRIFT_RESOURCES =
      new MeterSpec(
          "gitops.drift.resources",
          Meter.Type.GAUGE,
          null,
          "Resources whose live state currently drifts from Git, by cluster, namespace, kind and"
              + " drift type",
          List.of(TAG_CLUSTER, TAG_NAMESPACE, TAG_KIND, TAG_DRIFT_TYPE));

  /**
   * {@code gitops_source_last_success_timestamp_seconds{source}}: when each source last succeeded
   * (a Git fetch that found its commit published, a cluster list that completed), as Unix seconds.
   * Absent for a source that never succeeded. {@code source} is {@code git:<id>} or {@code
   * cluster:<cluster>/<group>/<kind>}.
   */
  public static final MeterSpec SOURCE_LAST_SUCCESS =
      new MeterSpec(
          "gitops.source.last.success.timestamp",
          Meter.Type.GAUGE,
          "seconds",
          "When the source last succeeded (Git: fetched and published; cluster: listed), as Unix"
              + " time",
          List.of(TAG_SOURCE));

  /**
   * {@code gitops_source_consecutive_failures{source}}: how many attempts in a row have failed; 0
   * once the source succeeds again.
   */
  public static final MeterSpec SOURCE_CONSECUTIVE_FAILURES =
      new MeterSpec(
          "gitops.source.consecutive.failures",
          Meter.Type.GAUGE,
          null,
          "Attempts in a row that failed to fetch, render or publish the source; 0 once it succeeds",
          List.of(TAG_SOURCE));

  private MeterCatalog() {}

  /** Every meter driftwatch itself declares (JVM, process and Kafka client meters come on top). */
  public static List<MeterSpec> all() {
    return List.of(DRIFT_RESOURCES, SOURCE_LAST_SUCCESS, SOURCE_CONSECUTIVE_FAILURES);
  }
}
