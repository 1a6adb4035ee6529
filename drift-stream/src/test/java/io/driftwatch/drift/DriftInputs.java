package io.driftwatch.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceOrigin;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.serde.Json;
import io.driftwatch.model.topic.Topic;
import io.driftwatch.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Desired and live Deployments for drift-stream's integration tests, and the source status that
 * makes them judgeable: a SYNCED {@code git:<source>} for the Git side and a SYNCED {@code
 * cluster:<cluster>/apps/Deployment} for the live side, observed a few seconds ago and published
 * before any desired or live record, so that a verdict is never held back as UNKNOWN.
 */
final class DriftInputs {

  static final String COMMIT = "89abcdef0123456789abcdef0123456789abcdef";
  static final String APPS = "apps";
  static final String DEPLOYMENT = "Deployment";
  static final String NAMESPACE = "shop";

  private DriftInputs() {}

  static ResourceKey deployment(String cluster, String name) {
    return ResourceKey.of(cluster, "apps/v1", DEPLOYMENT, NAMESPACE, name);
  }

  /** A Deployment with {@code replicas} and label {@code app}. */
  static ObjectNode manifest(ResourceKey key, int replicas, String app) {
    ObjectNode manifest = Json.mapper().createObjectNode();
    manifest.put("apiVersion", "apps/v1").put("kind", DEPLOYMENT);
    ObjectNode metadata = manifest.putObject("metadata");
    metadata.put("name", key.name()).put("namespace", key.namespace());
    metadata.putObject("labels").put("app", app);
    manifest.putObject("spec").put("replicas", replicas);
    return manifest;
  }

  static DesiredState desired(ResourceKey key, String source, int replicas) {
    return DesiredState.of(
        key,
        source,
        COMMIT,
        // An hour-old commit: past the pending grace, so a difference is drift at once.
        Instant.now().minus(Duration.ofHours(1)),
        "apps/" + key.name() + ".yaml",
        manifest(key, replicas, key.name()));
  }

  static LiveState live(ResourceKey key, int replicas, String app) {
    return LiveState.of(key, "1", Instant.now(), manifest(key, replicas, app), null, null);
  }

  static LiveState live(ResourceKey key, int replicas) {
    return live(key, replicas, key.name());
  }

  /**
   * The SYNCED statuses that let drift-stream judge {@code keys} rendered by {@code source}: the
   * Git source and every cluster kind among the keys.
   */
  static Set<SourceStatus> syncedSources(String source, Collection<ResourceKey> keys) {
    Instant observedAt = Instant.now().minusSeconds(5);
    Set<SourceStatus> statuses = new LinkedHashSet<>();
    statuses.add(
        SourceStatus.of(
            SourceStatus.gitSource(source),
            SourceOrigin.GIT,
            SourcePhase.SYNCED,
            COMMIT,
            keys.size(),
            observedAt,
            null));
    for (ResourceKey key : keys) {
      statuses.add(
          SourceStatus.of(
              SourceStatus.clusterSource(key.cluster(), key.group(), key.kind()),
              SourceOrigin.CLUSTER,
              SourcePhase.SYNCED,
              "1",
              keys.size(),
              observedAt,
              null));
    }
    return statuses;
  }

  /** Publishes {@link #syncedSources} on {@code gitops.source-status.v1} and waits for the acks. */
  static void publishSyncedSources(
      KafkaSettings kafka, String source, Collection<ResourceKey> keys) {
    try (Sender<String, SourceStatus> sender = new Sender<>(kafka, Topics.SOURCE_STATUS)) {
      for (SourceStatus status : syncedSources(source, keys)) {
        sender.send(status.source(), status);
      }
    }
  }

  /** An idempotent producer for one topic; {@link #close()} flushes and waits for every ack. */
  static final class Sender<K, V> implements AutoCloseable {

    private final Topic<K, V> topic;
    private final KafkaProducer<K, V> producer;
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();

    Sender(KafkaSettings kafka, Topic<K, V> topic) {
      this.topic = topic;
      var props = kafka.clientConfig();
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
      this.producer =
          new KafkaProducer<>(
              props, topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    void send(K key, V value) {
      pending.add(producer.send(new ProducerRecord<>(topic.name(), key, value)));
    }

    /** Waits until every record sent so far is acknowledged; fails if one was refused. */
    void flush() {
      producer.flush();
      try {
        for (Future<RecordMetadata> ack : pending) {
          ack.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while sending to " + topic.name(), e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("Could not send to " + topic.name(), e.getCause());
      } finally {
        pending.clear();
      }
    }

    @Override
    public void close() {
      try {
        flush();
      } finally {
        producer.close(Duration.ofSeconds(30));
      }
    }
  }
}
