package io.driftwatch.ingest.cluster.publish;

import io.driftwatch.model.SourceOrigin;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.Topics;
import java.time.Clock;
import java.util.Objects;

/**
 * Publishes the sync markers of watched kinds to {@code gitops.source-status.v1}, keyed {@code
 * cluster:<cluster>/<group>/<kind>}: LISTING while an informer runs its initial list, SYNCED with
 * the number of objects listed, RELISTING from a lost watch until the list that replaces it is in,
 * FAILED with the reason when the API server cannot be reached. drift-stream trusts an absence only
 * after SYNCED.
 */
public final class SourceStatusPublisher {

  private final TopicSink sink;
  private final Clock clock;

  public SourceStatusPublisher(TopicSink sink, Clock clock) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The informers of this kind started their initial list. */
  public void listing(String cluster, String group, String kind) {
    publish(cluster, group, kind, SourcePhase.LISTING, null, 0, null);
  }

  /**
   * A list of this kind (the initial one or a re-list) completed.
   *
   * @param revision the list's resourceVersion, or null when unknown
   * @param resourceCount how many objects the list held
   */
  public void synced(
      String cluster, String group, String kind, String revision, long resourceCount) {
    publish(cluster, group, kind, SourcePhase.SYNCED, revision, resourceCount, null);
  }

  /**
   * A watch of this kind was lost (410 Gone, a failed watch) and events may have been missed: its
   * objects are being listed again, and an absence proves nothing until the next SYNCED.
   */
  public void relisting(String cluster, String group, String kind) {
    publish(cluster, group, kind, SourcePhase.RELISTING, null, 0, null);
  }

  /** This kind could not be watched; the reason must not contain credentials. */
  public void failed(String cluster, String group, String kind, String reason) {
    publish(cluster, group, kind, SourcePhase.FAILED, null, 0, reason);
  }

  private void publish(
      String cluster,
      String group,
      String kind,
      SourcePhase phase,
      String revision,
      long count,
      String message) {
    String source = SourceStatus.clusterSource(cluster, group, kind);
    sink.send(
        Topics.SOURCE_STATUS,
        source,
        SourceStatus.of(
            source, SourceOrigin.CLUSTER, phase, revision, count, clock.instant(), message));
  }
}
