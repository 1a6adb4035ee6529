package io.driftwatch.telemetry;

import io.micrometer.core.instrument.Meter;
import java.util.List;

/**
 * The one place that declares every driftwatch meter: name, type, unit, description and tag keys.
 * Binders in alert-sink and ingest-cluster register meters only from here, and dashboards and alert
 * rules use only names listed here.
 */
public final class MeterCatalog {

  public static final String TAG_CLUSTER = "cluster";
  public static final String TAG_NAMESPACE = "namespace";
  public static final String TAG_KIND = "kind";
  public static final String TAG_DRIFT_TYPE = "drift_type";
  public static final String TAG_SOURCE = "source";
  public static final String TAG_GROUP = "group";
  public static final String TAG_STATE = "state";
  public static final String TAG_EVENT_TYPE = "type";

  /**
   * {@code gitops_drift_resources{cluster,namespace,kind,drift_type}}: resources currently drifted.
   * Every (cluster, namespace, kind) with at least one known resource has a series per drift type,
   * 0 when none is drifted, so that a resolved drift reads 0 rather than vanishing. Exported by
   * alert-sink from the counts drift-stream keeps on {@code gitops.drift-aggregates.v1} (API groups
   * of one kind added up).
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
   * {@code gitops_drift_oldest_open_seconds{cluster,namespace}}: how long the oldest drift episode
   * still open in the namespace has been open, evaluated at scrape time from its openedAt on {@code
   * gitops.drift-aggregates.v1}. Absent when no drift is open there (an episode stays open through
   * a PENDING or UNKNOWN interlude); an alert on {@code > N*60} fires on drift open longer than N
   * minutes.
   */
  public static final MeterSpec DRIFT_OLDEST_OPEN =
      new MeterSpec(
          "gitops.drift.oldest.open",
          Meter.Type.GAUGE,
          "seconds",
          "How long the oldest drift still open in the namespace has been open",
          List.of(TAG_CLUSTER, TAG_NAMESPACE));

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

  /**
   * {@code gitops_cluster_watch_state{cluster,group,kind,state}}: the watch of each kind of each
   * cluster, one series per state ({@code LISTING}, {@code SYNCED}, {@code RELISTING}, {@code
   * FAILED}: the sync markers ingest-cluster publishes), 1 for the state it is in and 0 for the
   * others, so that {@code == 1} selects and an alert can fire on {@code state="FAILED"}. Kept by
   * the ingest-cluster process.
   */
  public static final MeterSpec CLUSTER_WATCH_STATE =
      new MeterSpec(
          "gitops.cluster.watch.state",
          Meter.Type.GAUGE,
          null,
          "Watch state of each kind of each cluster: 1 for the current state, 0 for the others",
          List.of(TAG_CLUSTER, TAG_GROUP, TAG_KIND, TAG_STATE));

  /**
   * {@code gitops_cluster_events_total{cluster,group,kind,type}}: events the informers received, by
   * Kubernetes watch event type ({@code ADDED}, {@code MODIFIED}, {@code DELETED}); an initial list
   * or a re-list counts its objects as {@code ADDED}. {@code rate()} of it is the events per
   * second.
   */
  public static final MeterSpec CLUSTER_EVENTS =
      new MeterSpec(
          "gitops.cluster.events",
          Meter.Type.COUNTER,
          null,
          "Events received from the API server's watches (the initial list counts as ADDED)",
          List.of(TAG_CLUSTER, TAG_GROUP, TAG_KIND, TAG_EVENT_TYPE));

  /**
   * {@code gitops_cluster_last_event_timestamp_seconds{cluster,group,kind}}: when the last event of
   * the kind arrived, as Unix seconds; absent until the first one.
   */
  public static final MeterSpec CLUSTER_LAST_EVENT =
      new MeterSpec(
          "gitops.cluster.last.event.timestamp",
          Meter.Type.GAUGE,
          "seconds",
          "When the last event of the kind was received from the cluster, as Unix time",
          List.of(TAG_CLUSTER, TAG_GROUP, TAG_KIND));

  /**
   * {@code gitops_cluster_objects{cluster,group,kind}}: the objects of the kind ingest-cluster
   * currently tracks in the cluster (within its namespace and label scope).
   */
  public static final MeterSpec CLUSTER_OBJECTS =
      new MeterSpec(
          "gitops.cluster.objects",
          Meter.Type.GAUGE,
          null,
          "Objects of the kind currently tracked in the cluster, within the configured scope",
          List.of(TAG_CLUSTER, TAG_GROUP, TAG_KIND));

  private MeterCatalog() {}

  /** Every meter driftwatch itself declares (JVM, process and Kafka client meters come on top). */
  public static List<MeterSpec> all() {
    return List.of(
        DRIFT_RESOURCES,
        DRIFT_OLDEST_OPEN,
        SOURCE_LAST_SUCCESS,
        SOURCE_CONSECUTIVE_FAILURES,
        CLUSTER_WATCH_STATE,
        CLUSTER_EVENTS,
        CLUSTER_LAST_EVENT,
        CLUSTER_OBJECTS);
  }
}
