package io.driftwatch.ingest.cluster.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.cluster.ClusterIngestConfig;
import io.driftwatch.ingest.cluster.normalize.LiveStateNormalizer;
import io.driftwatch.ingest.cluster.normalize.LiveStateSizeLimit;
import io.driftwatch.ingest.cluster.normalize.MalformedObjectException;
import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.topic.Topics;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one cluster's observed objects to {@code gitops.live-state.v1}: an added or changed
 * object as its normalised {@link LiveState}, a deleted one as a tombstone. An update that changes
 * nothing after normalisation (only resourceVersion or managedFields moved) is not republished. An
 * object that cannot be normalised goes to the dead-letter topic, named but never copied. A live
 * state over the size limit is published as a stub (see {@link LiveStateSizeLimit}) and named in a
 * dead letter.
 */
public final class LiveStatePublisher {

  /** The stage named in dead letters. */
  public static final String STAGE = "ingest-cluster";

  private static final Logger LOG = LoggerFactory.getLogger(LiveStatePublisher.class);

  private final String cluster;
  private final LiveStateNormalizer normalizer;
  private final LiveStateSizeLimit sizeLimit;
  private final TopicSink sink;
  private final Clock clock;

  /** A publisher with the default size limit. */
  public LiveStatePublisher(
      String cluster, LiveStateNormalizer normalizer, TopicSink sink, Clock clock) {
    this(
        cluster,
        normalizer,
        new LiveStateSizeLimit(ClusterIngestConfig.DEFAULT_MAX_OBJECT_BYTES),
        sink,
        clock);
  }

  public LiveStatePublisher(
      String cluster,
      LiveStateNormalizer normalizer,
      LiveStateSizeLimit sizeLimit,
      TopicSink sink,
      Clock clock) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
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
    }
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
    if (oldObject != null && sameContent(oldObject, live)) {
      return;
    }
    publish(live);
  }

  /** An object that is gone: a tombstone under its key. */
  public void deleted(JsonNode object) {
    try {
      LiveState last = normalizer.normalize(cluster, object);
      sink.send(Topics.LIVE_STATE, last.key(), null);
    } catch (MalformedObjectException e) {
      deadLetter(e);
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
              + LiveStateSizeLimit.TRUNCATED_ANNOTATION
              + ", which drift-stream does not compare";
      LOG.warn("Truncated object {}: {}", origin, reason);
      sink.send(Topics.DEAD_LETTER, origin, DeadLetter.of(STAGE, origin, reason, clock.instant()));
    }
  }

  private boolean sameContent(JsonNode oldObject, LiveState live) {
    try {
      LiveState previous = normalizer.normalize(cluster, oldObject);
      return previous.key().equals(live.key())
          && Objects.equals(previous.manifest(), live.manifest())
          && Objects.equals(previous.status(), live.status());
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
