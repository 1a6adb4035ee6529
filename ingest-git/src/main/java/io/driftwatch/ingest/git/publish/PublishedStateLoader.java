package io.driftwatch.ingest.git.publish;

import io.driftwatch.model.DesiredState;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.CompactedTopicReader;
import io.driftwatch.model.topic.Topic;
import io.driftwatch.model.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.KafkaException;

/**
 * Rebuilds, from {@code gitops.desired-state.v1}, what each of our sources last published: read
 * committed records from the beginning to the end offsets seen at start, last record per key wins,
 * a tombstone removes the key. This is what lets a restart tombstone a manifest removed while
 * driftwatch was down, and not republish unchanged objects.
 */
public final class PublishedStateLoader {

  private static final String GIT_PREFIX = SourceStatus.gitSource("");

  private final KafkaSettings kafka;
  private final Duration timeout;

  public PublishedStateLoader(KafkaSettings kafka, Duration timeout) {
    this.kafka = kafka;
    this.timeout = timeout;
  }

  /**
   * The published objects of every source that has any on the topic, by source id: sources found
   * later (discovered from a fleet repository) resume from this too.
   *
   * @throws KafkaException when the topic cannot be read to its end within the timeout
   */
  public Map<String, Map<ResourceKey, PublishedObject>> loadAll() {
    Map<ResourceKey, DesiredState> latest = readToEnd(Topics.DESIRED_STATE);
    Map<String, Map<ResourceKey, PublishedObject>> bySource = new HashMap<>();
    latest.forEach(
        (key, state) -> {
          if (state.source() != null && state.manifest() != null && state.path() != null) {
            Map<ResourceKey, PublishedObject> objects =
                bySource.computeIfAbsent(state.source(), id -> new LinkedHashMap<>());
            objects.put(
                key,
                new PublishedObject(ContentHash.of(state.path(), state.manifest()), state.path()));
          }
        });
    return bySource;
  }

  /**
   * The last status of every Git source on {@code gitops.source-status.v1}, by source id, so that a
   * restart carries on the last-success time and failure count.
   *
   * @throws KafkaException when the topic cannot be read to its end within the timeout
   */
  public Map<String, SourceStatus> loadStatuses() {
    Map<String, SourceStatus> bySource = new HashMap<>();
    readToEnd(Topics.SOURCE_STATUS)
        .forEach(
            (key, status) -> {
              if (key.startsWith(GIT_PREFIX)) {
                bySource.put(key.substring(GIT_PREFIX.length()), status);
              }
            });
    return bySource;
  }

  private <K, V> Map<K, V> readToEnd(Topic<K, V> topic) {
    return new CompactedTopicReader(kafka, "driftwatch-ingest-git-resume", timeout).latest(topic);
  }
}
