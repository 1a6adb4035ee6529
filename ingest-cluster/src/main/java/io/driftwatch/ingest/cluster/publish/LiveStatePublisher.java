package io.driftwatch.ingest.cluster.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.cluster.ClusterIngestConfig;
import io.driftwatch.ingest.cluster.normalize.LiveStateNormalizer;
import io.driftwatch.ingest.cluster.normalize.LiveStateSizeLimit;
import io.driftwatch.ingest.cluster.normalize.MalformedObjectException;
import io.driftwatch.ingest.cluster.reconcile.ReconcilerStatusNormalizer;
import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one cluster's observed objects to {@code gitops.live-state.v1}: an added or changed
 * object as its normalised {@link LiveState}, a deleted one as a tombstone. An update that changes
 * nothing after normalisation (only resourceVersion or managedFields moved) is not republished. An
 * object that cannot be normalised goes to the dead-letter topic, named but never copied. A live
 * state over the size limit is published as a stub (see {@link LiveStateSizeLimit}) and named in a
 * dead letter.
 *
 * <p>A reconciler object (a {@link io.driftwatch.ingest.cluster.reconcile.ReconcilerKinds} kind) is
 * also published to {@code gitops.reconciler-status.v1} as its {@link ReconcilerStatus} when that
 * status changed, and tombstoned there when deleted. A reconciler whose status cannot be read is
 * dead-lettered while its live state still flows.
 */
public final class LiveStatePublisher {

  /** The stage named in dead letters. */
  public static final String STAGE = "ingest-cluster";

  private static final Logger LOG = LoggerFactory.getLogger(LiveStatePublisher.class);

  private final String cluster;
  private final LiveStateNormalizer normalizer;
  private final ReconcilerStatusNormalizer reconcilers;
  private final LiveStateSizeLimit sizeLimit;
  private final TopicSink sink;
  private final Clock clock;

  /**
   * A publisher that normalises reconciler status with the same clock, with the default size limit.
   */
  public LiveStatePublisher(
      String cluster, LiveStateNormalizer normalizer, TopicSink sink, Clock clock) {
    this(
        cluster,
        normalizer,
        new LiveStateSizeLimit(ClusterIngestConfig.DEFAULT_MAX_OBJECT_BYTES),
        sink,
        clock);
  }

  /** A publisher that normalises reconciler status with the same clock. */
  public LiveStatePublisher(
      String cluster,
      LiveStateNormalizer normalizer,
      LiveStateSizeLimit sizeLimit,
      TopicSink sink,
      Clock clock) {
    this(cluster, normalizer, new ReconcilerStatusNormalizer(clock), sizeLimit, sink, clock);
  }

  public LiveStatePublisher(
      String cluster,
      LiveStateNormalizer normalizer,
      ReconcilerStatusNormalizer reconcilers,
      LiveStateSizeLimit sizeLimit,
      TopicSink sink,
      Clock clock) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    this.reconcilers = Objects.requireNonNull(reconcilers, "reconcilers");
    this.sizeLimit = Objects.requireNonNull(sizeLimit, "sizeLimit");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** An object seen for the first time (initial list or creation). */
  public void added(JsonNode object) {
    try {
      publish(normalizer.normalize(cluster, object));
    } catch (MalformedObjectException e) {
      deadLetter(e);
      return;
    }
    reconcilerChanged(null, object);
  }

  /** An object that changed; published only when its normalised manifest or status changed. */
  public void updated(JsonNode oldObject, JsonNode newObject) {
    LiveState live;
    try {
      live = normalizer.normalize(cluster, newObject);
    } catch (MalformedObjectException e) {
      deadLetter(e);
      return;
    }
    if (oldObject == null || !sameContent(oldObject, live)) {
      publish(live);
    }
    reconcilerChanged(oldObject, newObject);
  }

  /** An object that is gone: a tombstone under its key, on reconciler status too if it is one. */
  public void deleted(JsonNode object) {
    LiveState last;
    try {
      last = normalizer.normalize(cluster, object);
    } catch (MalformedObjectException e) {
      deadLetter(e);
      return;
    }
    sink.send(Topics.LIVE_STATE, last.key(), null);
    if (ReconcilerStatusNormalizer.kindOf(object).isPresent()) {
      sink.send(Topics.RECONCILER_STATUS, last.key(), null);
    }
  }

  /**
   * Reports an object that could not even be read as JSON, naming where it came from and why.
   *
   * @param origin {@code <cluster>/<apiVersion>/<kind>/<namespace>/<name>}, as far as known
   */
  public void unreadable(String origin, String reason) {
    deadLetter(new MalformedObjectException(origin, reason));
  }

  /** Publishes {@code live}, or its stub and a dead letter naming it when it is over the limit. */
  private void publish(LiveState live) {
    LiveStateSizeLimit.Bounded bounded = sizeLimit.bound(live);
    sink.send(Topics.LIVE_STATE, live.key(), bounded.published());
    if (bounded.truncated()) {
      String origin = LiveStateNormalizer.origin(cluster, live.manifest());
      String reason =
          "the normalised object is "
              + bounded.bytes()
              + " bytes, over the limit of "
              + sizeLimit.maxBytes()
              + " (ingestCluster.maxObjectBytes); published as a stub annotated "
              + LiveState.TRUNCATED_ANNOTATION
              + ", which drift-stream does not compare";
      LOG.warn("Truncated object {}: {}", origin, reason);
      sink.send(Topics.DEAD_LETTER, origin, DeadLetter.of(STAGE, origin, reason, clock.instant()));
    }
  }

  /**
   * Publishes the reconciler status of {@code object} when it is a reconciler and its status
   * differs from that of {@code previous} (null: publish it). Like live state, this is stateless:
   * both versions the informer hands over are normalised and compared.
   */
  private void reconcilerChanged(JsonNode previous, JsonNode object) {
    Optional<ReconcilerStatus> status;
    try {
      status = reconcilers.normalize(cluster, object);
    } catch (MalformedObjectException e) {
      deadLetter(e);
      return;
    }
    if (status.isEmpty()) {
      return;
    }
    if (previous != null && sameStatus(previous, status.get())) {
      return;
    }
    sink.send(Topics.RECONCILER_STATUS, status.get().key(), status.get());
  }

  private boolean sameStatus(JsonNode previousObject, ReconcilerStatus current) {
    try {
      return reconcilers
          .normalize(cluster, previousObject)
          .map(previous -> withoutTime(previous).equals(withoutTime(current)))
          .orElse(false);
    } catch (MalformedObjectException e) {
      return false;
    }
  }

  /** The status without its observation time, which differs between any two observations. */
  private static ReconcilerStatus withoutTime(ReconcilerStatus status) {
    return new ReconcilerStatus(
        status.schemaVersion(),
        status.key(),
        status.tool(),
        status.ready(),
        status.reason(),
        status.message(),
        status.suspended(),
        status.lastAppliedRevision(),
        status.lastAttemptedRevision(),
        status.generation(),
        status.observedGeneration(),
        status.conditions(),
        status.inventory(),
        Instant.EPOCH);
  }

  private boolean sameContent(JsonNode oldObject, LiveState live) {
    try {
      LiveState previous = normalizer.normalize(cluster, oldObject);
      return previous.key().equals(live.key())
          && Objects.equals(previous.manifest(), live.manifest())
          && Objects.equals(previous.status(), live.status())
          && Objects.equals(previous.managedBy(), live.managedBy());
    } catch (MalformedObjectException e) {
      return false;
    }
  }

  private void deadLetter(MalformedObjectException e) {
    LOG.warn("Refused object {}: {}", e.origin(), e.reason());
    sink.send(
        Topics.DEAD_LETTER,
        e.origin(),
        DeadLetter.of(STAGE, e.origin(), e.reason(), clock.instant()));
  }
}
