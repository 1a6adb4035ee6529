package io.driftwatch.drift.audit;

import io.driftwatch.model.AuditRecord;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.ReconcileEvent;
import io.driftwatch.model.RemediationRequest;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attaches the audit trail to a topology: each of the three streams is mapped to {@link
 * AuditRecord}s and written to {@code gitops.audit.v1} through its own sink. Three sinks rather
 * than a merge, because merging would fuse the drift and reconcile sub-topologies into one and
 * demand that their input topics be co-partitioned. Nothing is ever deleted or compacted: the trail
 * is append-only. The node names are fixed here so that the golden topology shows any change.
 */
public final class AuditTopology {

  public static final String DRIFT_RECORDS = "audit-drift-records";
  public static final String RECONCILE_RECORDS = "audit-reconcile-records";
  public static final String REMEDIATION_RECORDS = "audit-remediation-records";
  public static final String DRIFT_SINK = "audit-drift-sink";
  public static final String RECONCILE_SINK = "audit-reconcile-sink";
  public static final String REMEDIATION_SINK = "audit-remediation-sink";

  private static final Logger LOG = LoggerFactory.getLogger(AuditTopology.class);

  private AuditTopology() {}

  /**
   * Adds the mapping nodes and sinks. A record that cannot be audited (a missing transition or
   * time) is logged with its resource key and skipped; the stream goes on.
   *
   * @param builder the topology's builder; audit adds no store today
   * @param transitions drift transitions, keyed by resource key
   * @param reconcileEvents reconcile-failure transitions, keyed by the reconciler's resource key
   * @param requests remediation requests, keyed by resource key
   */
  public static void attach(
      StreamsBuilder builder,
      KStream<ResourceKey, DriftEvent> transitions,
      KStream<ResourceKey, ReconcileEvent> reconcileEvents,
      KStream<ResourceKey, RemediationRequest> requests) {
    audit(transitions, AuditRecords::drift, DRIFT_RECORDS, DRIFT_SINK);
    audit(reconcileEvents, AuditRecords::reconcile, RECONCILE_RECORDS, RECONCILE_SINK);
    audit(requests, AuditRecords::remediation, REMEDIATION_RECORDS, REMEDIATION_SINK);
  }

  private static <V> void audit(
      KStream<ResourceKey, V> stream,
      BiFunction<ResourceKey, V, AuditRecord> mapping,
      String mapName,
      String sinkName) {
    stream
        .<String, AuditRecord>flatMap(
            (key, value) -> {
              if (key == null || value == null) {
                return List.of();
              }
              try {
                return List.of(KeyValue.pair(key.toString(), mapping.apply(key, value)));
              } catch (RuntimeException e) {
                LOG.warn("audit skips a record on {}: {}", mapName, e.getMessage());
                return List.of();
              }
            },
            Named.as(mapName))
        .to(
            Topics.AUDIT.name(),
            Produced.with(Topics.AUDIT.keySerde(), Topics.AUDIT.valueSerde()).withName(sinkName));
  }
}
