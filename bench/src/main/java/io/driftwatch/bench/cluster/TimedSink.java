package io.driftwatch.bench.cluster;

import io.driftwatch.ingest.cluster.publish.TopicSink;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.Topic;
import io.driftwatch.model.topic.Topics;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real Kafka sink, counting what passes: live-state records (and when the first of a phase was
 * handed over, which is inside the informer's callback) and SYNCED markers. Acknowledgement is the
 * delegate's {@link #flush()}, which returns once the broker has acknowledged every record.
 */
final class TimedSink implements TopicSink {

  private final TopicSink delegate;
  private final AtomicLong liveRecords = new AtomicLong();
  private final AtomicLong syncedMarkers = new AtomicLong();
  private volatile long firstLiveNanos;

  TimedSink(TopicSink delegate) {
    this.delegate = delegate;
  }

  @Override
  public <K, V> void send(Topic<K, V> topic, K key, V value) {
    if (topic == Topics.LIVE_STATE) {
      if (liveRecords.getAndIncrement() == 0) {
        firstLiveNanos = System.nanoTime();
      }
    } else if (value instanceof SourceStatus status && status.phase() == SourcePhase.SYNCED) {
      syncedMarkers.incrementAndGet();
    }
    delegate.send(topic, key, value);
  }

  /** Starts counting a new phase. */
  void reset() {
    liveRecords.set(0);
    firstLiveNanos = 0;
  }

  long liveRecords() {
    return liveRecords.get();
  }

  long syncedMarkers() {
    return syncedMarkers.get();
  }

  /** When the first live-state record of this phase was sent, by {@link System#nanoTime()}. */
  long firstLiveNanos() {
    return firstLiveNanos;
  }

  @Override
  public void flush() {
    delegate.flush();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
