package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceOrigin;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.SyncStatus;
import io.driftwatch.model.serde.Json;
import io.driftwatch.model.topic.Topic;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TestKafka;
import io.driftwatch.testkit.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftStreamIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String COMMIT = "89abcdef0123456789abcdef0123456789abcdef";
  private static final String SOURCE = "it-source";

  @TempDir Path stateDir;

  @BeforeAll
  static void provisionTopics() {
    ProvisionedTopics.ensure();
  }

  @Test
  void driftIsOpenedAndResolvedAndNothingIsRepublishedAfterRestart() throws Exception {
    String bootstrap = TestKafka.bootstrapServers();
    KafkaSettings kafka = KafkaSettings.of(bootstrap);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String cluster = "drift-it-" + suffix;
    ResourceKey web = ResourceKey.of(cluster, "apps/v1", "Deployment", "shop", "web");
    ResourceKey api = ResourceKey.of(cluster, "apps/v1", "Deployment", "shop", "api");
    DriftStreamConfig config =
        new DriftStreamConfig(
            "drift-it-" + suffix,
            stateDir,
            Duration.ofMillis(100),
            DriftStreamConfig.defaultComparison());

    // What ingest-git and ingest-cluster report before drift can be judged: the source rendered,
    // the cluster's Deployments listed, and the Kustomization that manages them applied COMMIT.
    Instant reported = Instant.now().minusSeconds(30);
    for (SourceStatus synced :
        List.of(
            SourceStatus.of(
                SourceStatus.gitSource(SOURCE),
                SourceOrigin.GIT,
                SourcePhase.SYNCED,
                COMMIT,
                2,
                reported,
                null),
            SourceStatus.of(
                SourceStatus.clusterSource(cluster, "apps", "Deployment"),
                SourceOrigin.CLUSTER,
                SourcePhase.SYNCED,
                "1",
                1,
                reported,
                null))) {
      send(kafka, Topics.SOURCE_STATUS, synced.source(), synced);
    }
    ResourceKey apps =
        new ResourceKey(
            cluster, "kustomize.toolkit.fluxcd.io", "Kustomization", "flux-system", "apps");
    send(
        kafka,
        Topics.RECONCILER_STATUS,
        apps,
        Reconcilers.applied(apps, "main@sha1:" + COMMIT, Instant.now()));

    try (TopicProbe<ResourceKey, DriftEvent> events = probe(bootstrap, Topics.DRIFT_EVENTS);
        TopicProbe<ResourceKey, DriftStatus> statuses = probe(bootstrap, Topics.DRIFT_STATUS);
        TopicProbe<String, DeadLetter> deadLetters = probe(bootstrap, Topics.DEAD_LETTER)) {

      try (DriftStream stream = new DriftStream(config, kafka)) {
        stream.start();
        await().atMost(TIMEOUT).until(stream::healthy);

        send(kafka, Topics.LIVE_STATE, web, live(web, 2).withManagedBy(apps));
        send(kafka, Topics.DESIRED_STATE, web, desired(web, 2));
        statuses.await(
            r -> web.equals(r.key()) && r.value().syncStatus() == SyncStatus.SYNCED, TIMEOUT);

        send(kafka, Topics.LIVE_STATE, web, live(web, 5).withManagedBy(apps));
        ConsumerRecord<ResourceKey, DriftEvent> opened =
            events.await(
                r -> web.equals(r.key()) && r.value().transition() == DriftTransition.OPENED,
                TIMEOUT);
        assertThat(opened.value().driftType()).isEqualTo(DriftType.MODIFIED);
        assertThat(opened.value().diffs())
            .singleElement()
            .satisfies(
                d -> {
                  assertThat(d.path()).isEqualTo("/spec/replicas");
                  assertThat(d.desired().intValue()).isEqualTo(2);
                  assertThat(d.live().intValue()).isEqualTo(5);
                });

        RecordMetadata poison = sendPoison(bootstrap, web);
        String origin = poison.topic() + "-" + poison.partition() + "@" + poison.offset();
        ConsumerRecord<String, DeadLetter> letter =
            deadLetters.await(r -> origin.equals(r.key()), TIMEOUT);
        assertThat(letter.value().stage()).isEqualTo("drift-stream");
        assertThat(letter.value().origin()).isEqualTo(origin);
        assertThat(letter.value().reason()).contains("Cannot read DesiredState");

        send(kafka, Topics.LIVE_STATE, web, live(web, 2).withManagedBy(apps));
        ConsumerRecord<ResourceKey, DriftEvent> resolved =
            events.await(
                r -> web.equals(r.key()) && r.value().transition() == DriftTransition.RESOLVED,
                TIMEOUT);
        assertThat(resolved.value().durationMillis()).isNotNull().isNotNegative();
        assertThat(stream.healthy()).as("still running after the poison record").isTrue();
        events.drain(Duration.ofSeconds(1));
        statuses.drain(Duration.ofSeconds(1));
      }

      List<ConsumerRecord<ResourceKey, DriftEvent>> webEventsBefore = eventsFor(events, web);
      int webStatusesBefore = statusesFor(statuses, web);
      assertThat(webStatusesBefore).as("SYNCED, OUT_OF_SYNC, SYNCED").isEqualTo(3);

      try (DriftStream restarted = new DriftStream(config, kafka)) {
        restarted.start();
        await().atMost(TIMEOUT).until(restarted::healthy);
        // A record processed after the restart proves the restarted app is past any replay.
        send(kafka, Topics.DESIRED_STATE, api, desired(api, 1));
        events.await(
            r -> api.equals(r.key()) && r.value().driftType() == DriftType.MISSING_LIVE, TIMEOUT);
        events.drain(Duration.ofSeconds(2));
        statuses.drain(Duration.ofSeconds(1));

        assertThat(eventsFor(events, web))
            .extracting(r -> r.value().transition())
            .containsExactly(DriftTransition.OPENED, DriftTransition.RESOLVED);
        assertThat(eventsFor(events, web)).hasSameSizeAs(webEventsBefore);
        assertThat(statusesFor(statuses, web)).isEqualTo(webStatusesBefore);
      }
    }
  }

  private static List<ConsumerRecord<ResourceKey, DriftEvent>> eventsFor(
      TopicProbe<ResourceKey, DriftEvent> probe, ResourceKey key) {
    return probe.records().stream().filter(r -> key.equals(r.key())).toList();
  }

  private static int statusesFor(TopicProbe<ResourceKey, DriftStatus> probe, ResourceKey key) {
    return (int) probe.records().stream().filter(r -> key.equals(r.key())).count();
  }

  private static <K, V> TopicProbe<K, V> probe(String bootstrap, Topic<K, V> topic) {
    return TopicProbe.open(
        bootstrap,
        topic.name(),
        topic.keySerde().deserializer(),
        topic.valueSerde().deserializer());
  }

  private static <K, V> void send(KafkaSettings kafka, Topic<K, V> topic, K key, V value)
      throws Exception {
    try (KafkaProducer<K, V> producer =
        new KafkaProducer<>(
            kafka.clientConfig(), topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    }
  }

  private static RecordMetadata sendPoison(String bootstrap, ResourceKey key) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            KafkaSettings.of(bootstrap).clientConfig(),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      return producer
          .send(
              new ProducerRecord<>(
                  Topics.DESIRED_STATE.name(),
                  key.toString().getBytes(StandardCharsets.UTF_8),
                  "{not json".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
  }

  /** Desired at COMMIT, made an hour ago: past the pending grace period. */
  private static DesiredState desired(ResourceKey key, int replicas) {
    return DesiredState.of(
        key,
        SOURCE,
        COMMIT,
        Instant.now().minus(Duration.ofHours(1)),
        "apps/" + key.name() + ".yaml",
        manifest(key, replicas));
  }

  private static LiveState live(ResourceKey key, int replicas) {
    return LiveState.of(key, "1", Instant.now(), manifest(key, replicas), null, null);
  }

  private static ObjectNode manifest(ResourceKey key, int replicas) {
    String json =
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\""
            + key.name()
            + "\",\"namespace\":\"shop\"},\"spec\":{\"replicas\":"
            + replicas
            + "}}";
    try {
      return (ObjectNode) Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
