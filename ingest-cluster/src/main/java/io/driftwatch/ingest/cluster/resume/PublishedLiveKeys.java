package io.driftwatch.ingest.cluster.resume;

import io.driftwatch.ingest.cluster.ClusterConfig;
import io.driftwatch.ingest.cluster.WatchedKind;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.CompactedTopicReader;
import io.driftwatch.model.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.KafkaException;

/**
 * The keys each watched kind of each cluster last published on {@code gitops.live-state.v1} (the
 * last record of the key is not a tombstone), read once, on first demand, to the topic's end. Each
 * cluster takes its kinds' keys when it starts; what is taken is forgotten here, so the keys are
 * held only until each kind's first list has been reconciled with them.
 */
public final class PublishedLiveKeys {

  /** How long reading the topic to its end may take before the attempt fails and is retried. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private final Supplier<Set<ResourceKey>> reader;
  private Map<String, Set<ResourceKey>> bySource;

  PublishedLiveKeys(Supplier<Set<ResourceKey>> reader) {
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /** The keys of the configured kinds of the configured clusters, read from Kafka when needed. */
  public static PublishedLiveKeys fromTopic(KafkaSettings kafka, List<ClusterConfig> clusters) {
    Set<String> watched =
        clusters.stream()
            .flatMap(c -> c.kinds().stream().map(kind -> source(c.name(), kind)))
            .collect(Collectors.toUnmodifiableSet());
    CompactedTopicReader topic =
        new CompactedTopicReader(kafka, "driftwatch-ingest-cluster-resume", READ_TIMEOUT);
    return new PublishedLiveKeys(
        () ->
            topic.presentKeys(
                Topics.LIVE_STATE,
                key ->
                    watched.contains(
                        SourceStatus.clusterSource(key.cluster(), key.group(), key.kind()))));
  }

  /**
   * Removes and returns the keys that {@code kind} of {@code cluster} last published; empty when
   * there are none or they were taken already. The first call reads the topic and blocks meanwhile.
   *
   * @throws KafkaException when the topic cannot be read to its end; the next call tries again
   */
  public synchronized Set<ResourceKey> take(String cluster, WatchedKind kind) {
    if (bySource == null) {
      Map<String, Set<ResourceKey>> loaded = new HashMap<>();
      for (ResourceKey key : reader.get()) {
        loaded
            .computeIfAbsent(
                SourceStatus.clusterSource(key.cluster(), key.group(), key.kind()),
                source -> new HashSet<>())
            .add(key);
      }
      bySource = loaded;
    }
    Set<ResourceKey> keys = bySource.remove(source(cluster, kind));
    return keys == null ? Set.of() : keys;
  }

  private static String source(String cluster, WatchedKind kind) {
    return SourceStatus.clusterSource(cluster, kind.group(), kind.kind());
  }
}
