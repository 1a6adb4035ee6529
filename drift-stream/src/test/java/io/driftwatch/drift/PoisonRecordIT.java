package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.driftwatch.model.SyncStatus;
import io.driftwatch.model.serde.Json;
import io.driftwatch.model.topic.Topic;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TestKafka;
import io.driftwatch.testkit.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * A record that deserialises but that the verdict code refuses (a live state from a newer schema
 * version whose manifest moved to another field) goes to {@code gitops.dead-letter.v1} with the
 * reason under real exactly-once, and the records after it, on the same partition, are processed.
 */
class PoisonRecordIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path stateDir;

  @BeforeAll
  static void provisionTopics() {
    ProvisionedTopics.ensure();
  }

  @Test
  void aRecordTheVerdictRefusesIsDeadLetteredAndTheStreamGoesOn() throws Exception {
    String bootstrap = TestKafka.bootstrapServers();
    KafkaSettings kafka = KafkaSettings.of(bootstrap);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String cluster = "poison-it-" + suffix;
    String source = "poison-it-" + suffix;
    ResourceKey web = DriftInputs.deployment(cluster, "web");
    ResourceKey api = DriftInputs.deployment(cluster, "api");
    DriftStreamConfig config =
        new DriftStreamConfig(
            "poison-it-" + suffix,
            stateDir,
            Duration.ofMillis(100),
            DriftStreamConfig.defaultComparison());
    DriftInputs.publishSyncedSources(kafka, source, List.of(web, api));

    try (TopicProbe<ResourceKey, DriftEvent> events = probe(bootstrap, Topics.DRIFT_EVENTS);
        TopicProbe<ResourceKey, DriftStatus> statuses = probe(bootstrap, Topics.DRIFT_STATUS);
        TopicProbe<String, DeadLetter> deadLetters = probe(bootstrap, Topics.DEAD_LETTER);
        DriftStream stream = new DriftStream(config, kafka);
        DriftInputs.Sender<ResourceKey, DesiredState> desired =
            new DriftInputs.Sender<>(kafka, Topics.DESIRED_STATE);
        DriftInputs.Sender<ResourceKey, LiveState> live =
            new DriftInputs.Sender<>(kafka, Topics.LIVE_STATE)) {
      stream.start();
      await().atMost(TIMEOUT).until(stream::healthy);
      for (ResourceKey key : List.of(web, api)) {
        live.send(key, DriftInputs.live(key, 2));
      }
      live.flush();
      for (ResourceKey key : List.of(web, api)) {
        desired.send(key, DriftInputs.desired(key, source, 2));
      }
      desired.flush();
      for (ResourceKey key : List.of(web, api)) {
        statuses.await(
            r -> key.equals(r.key()) && r.value().syncStatus() == SyncStatus.SYNCED, TIMEOUT);
      }

      RecordMetadata poison = sendManifestMovedByANewerVersion(kafka, web);
      String origin = DeadLetterRecords.origin(poison.topic(), poison.partition(), poison.offset());
      DeadLetter letter = deadLetters.await(r -> origin.equals(r.key()), TIMEOUT).value();
      // The records after the refused one, the first on its partition and for its resource.
      live.send(web, DriftInputs.live(web, 5));
      live.send(api, DriftInputs.live(api, 5));
      live.flush();

      assertThat(letter.stage()).isEqualTo("drift-stream");
      assertThat(letter.reason())
          .contains("processor " + DriftTopology.EPISODE_PROCESSOR)
          .contains("refused resource " + web)
          .contains("live state has no manifest")
          .contains("schemaVersion 2")
          .contains("upgrade drift-stream");
      for (ResourceKey key : List.of(web, api)) {
        ConsumerRecord<ResourceKey, DriftEvent> opened =
            events.await(
                r -> key.equals(r.key()) && r.value().transition() == DriftTransition.OPENED,
                TIMEOUT);
        assertThat(opened.value().driftType()).isEqualTo(DriftType.MODIFIED);
      }
      events.drain(Duration.ofSeconds(1));
      assertThat(events.records().stream().filter(r -> web.equals(r.key())))
          .as("the refused record opened nothing (no false MISSING_LIVE)")
          .extracting(r -> r.value().transition() + " " + r.value().driftType())
          .containsExactly("OPENED MODIFIED");
      assertThat(stream.healthy()).as("still running after the refused record").isTrue();
    }
  }

  /** {@code web}'s live state as a later writer might lay it out: the manifest under "object". */
  private static RecordMetadata sendManifestMovedByANewerVersion(
      KafkaSettings kafka, ResourceKey key) throws Exception {
    ObjectNode json = Json.mapper().valueToTree(DriftInputs.live(key, 3));
    json.put("schemaVersion", 2);
    json.set("object", json.remove("manifest"));
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            kafka.clientConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
      return producer
          .send(
              new ProducerRecord<>(
                  Topics.LIVE_STATE.name(),
                  key.toString().getBytes(StandardCharsets.UTF_8),
                  json.toString().getBytes(StandardCharsets.UTF_8)))
          .get();
    }
  }

  private static <K, V> TopicProbe<K, V> probe(String bootstrap, Topic<K, V> topic) {
    return TopicProbe.open(
        bootstrap,
        topic.name(),
        topic.keySerde().deserializer(),
        topic.valueSerde().deserializer());
  }
}
