package io.driftwatch.ingest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.ingest.cluster.testing.Fixtures;
import io.driftwatch.ingest.cluster.testing.IngestHarness;
import io.driftwatch.ingest.cluster.testing.MockCluster;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TopicProbe;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A lost watch and a restart: the live state that comes out must tombstone exactly what is gone,
 * and the sync marker must say when the view is complete again.
 */
class NoFalseDeletesIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static KafkaSettings kafka;

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final String cluster = "it-" + UUID.randomUUID().toString().substring(0, 8);
  private final String source = SourceStatus.clusterSource(cluster, "", "ConfigMap");

  @BeforeAll
  static void provisionTopics() {
    kafka = IngestHarness.provisionedKafka();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
  }

  @Test
  void aLostWatchRelistsAndTombstonesOnlyWhatWasDeletedInTheGap() {
    MockCluster mock = open(MockCluster.start());
    KubernetesClient k8s = mock.client();
    for (String name : List.of("kept", "deleted", "changed")) {
      create(k8s, name, "v1");
    }
    TopicProbe<ResourceKey, LiveState> live = liveProbe();
    TopicProbe<String, SourceStatus> status = statusProbe();
    open(startIngest(mock));
    ConsumerRecord<String, SourceStatus> firstSync = awaitSynced(status, -1);
    assertThat(firstSync.value().resourceCount()).isEqualTo(3);
    await().atMost(TIMEOUT).until(() -> mock.openWatches() == 1);

    // The watch goes deaf: these changes are missed, as on a dropped connection or compaction.
    mock.dropWatchEvents();
    k8s.configMaps().inNamespace("shop").withName("deleted").delete();
    k8s.configMaps()
        .inNamespace("shop")
        .withName("changed")
        .edit(cm -> new ConfigMapBuilder(cm).addToData("key", "v2").build());
    create(k8s, "created", "v1");
    // Then its resumption fails with 410 Gone: fabric8 lists again.
    mock.expireWatches();

    ConsumerRecord<String, SourceStatus> secondSync = awaitSynced(status, firstSync.offset());
    assertThat(secondSync.value().resourceCount()).isEqualTo(3);
    assertThat(phasesAfter(status, firstSync))
        .containsExactly(SourcePhase.RELISTING, SourcePhase.SYNCED);
    live.await(r -> r.key().equals(key("created")) && r.value() != null, TIMEOUT);
    live.await(
        r ->
            r.key().equals(key("changed"))
                && r.value() != null
                && r.value().manifest().path("data").path("key").asText().equals("v2"),
        TIMEOUT);
    // The watch is back: a later change flows without another re-list.
    k8s.configMaps()
        .inNamespace("shop")
        .withName("kept")
        .edit(cm -> new ConfigMapBuilder(cm).addToData("key", "v3").build());
    live.await(
        r ->
            r.key().equals(key("kept"))
                && r.value() != null
                && r.value().manifest().path("data").path("key").asText().equals("v3"),
        TIMEOUT);

    assertThat(tombstones(live)).containsExactly(key("deleted"));
    assertThat(phasesAfter(status, firstSync))
        .containsExactly(SourcePhase.RELISTING, SourcePhase.SYNCED);
  }

  @Test
  void aRestartTombstonesExactlyTheObjectDeletedWhileDown() throws Exception {
    MockCluster mock = open(MockCluster.start());
    KubernetesClient k8s = mock.client();
    for (String name : List.of("kept", "deleted", "changed")) {
      create(k8s, name, "v1");
    }
    TopicProbe<ResourceKey, LiveState> live = liveProbe();
    TopicProbe<String, SourceStatus> status = statusProbe();
    ClusterIngest first = open(startIngest(mock));
    ConsumerRecord<String, SourceStatus> firstSync = awaitSynced(status, -1);
    for (String name : List.of("kept", "deleted", "changed")) {
      live.await(r -> r.key().equals(key(name)), TIMEOUT);
    }
    first.close();

    k8s.configMaps().inNamespace("shop").withName("deleted").delete();
    k8s.configMaps()
        .inNamespace("shop")
        .withName("changed")
        .edit(cm -> new ConfigMapBuilder(cm).addToData("key", "v2").build());
    open(startIngest(mock));

    ConsumerRecord<String, SourceStatus> secondSync = awaitSynced(status, firstSync.offset());
    assertThat(secondSync.value().resourceCount()).isEqualTo(2);
    live.await(r -> r.key().equals(key("deleted")) && r.value() == null, TIMEOUT);
    live.await(
        r ->
            r.key().equals(key("changed"))
                && r.value() != null
                && r.value().manifest().path("data").path("key").asText().equals("v2"),
        TIMEOUT);
    assertThat(tombstones(live)).containsExactly(key("deleted"));
  }

  @Test
  void aRestartWithNothingDeletedTombstonesNothing() throws Exception {
    MockCluster mock = open(MockCluster.start());
    KubernetesClient k8s = mock.client();
    for (String name : List.of("kept", "other")) {
      create(k8s, name, "v1");
    }
    TopicProbe<ResourceKey, LiveState> live = liveProbe();
    TopicProbe<String, SourceStatus> status = statusProbe();
    ClusterIngest first = open(startIngest(mock));
    ConsumerRecord<String, SourceStatus> firstSync = awaitSynced(status, -1);
    live.await(r -> r.key().equals(key("other")), TIMEOUT);
    first.close();

    open(startIngest(mock));

    assertThat(awaitSynced(status, firstSync.offset()).value().resourceCount()).isEqualTo(2);
    assertThat(tombstones(live)).isEmpty();
  }

  private ClusterIngest startIngest(MockCluster mock) {
    ClusterIngest ingest =
        new ClusterIngest(
            new ClusterIngestConfig(
                List.of(
                    new ClusterConfig(
                        cluster,
                        null,
                        null,
                        false,
                        List.of(WatchedKind.of("v1", "ConfigMap")),
                        List.of(),
                        null))),
            kafka,
            Fixtures.redactor(),
            config -> mock.newClient());
    ingest.start();
    return ingest;
  }

  /** The first SYNCED marker of this test's kind after {@code afterOffset}. */
  private ConsumerRecord<String, SourceStatus> awaitSynced(
      TopicProbe<String, SourceStatus> status, long afterOffset) {
    return status.await(
        r ->
            r.key().equals(source)
                && r.offset() > afterOffset
                && r.value().phase() == SourcePhase.SYNCED,
        TIMEOUT);
  }

  private List<SourcePhase> phasesAfter(
      TopicProbe<String, SourceStatus> status, ConsumerRecord<String, SourceStatus> marker) {
    return status.drain(Duration.ofSeconds(1)).stream()
        .filter(r -> r.key().equals(source) && r.offset() > marker.offset())
        .map(r -> r.value().phase())
        .toList();
  }

  /** Every tombstone this test's cluster has published, once the topic has been quiet a while. */
  private List<ResourceKey> tombstones(TopicProbe<ResourceKey, LiveState> live) {
    return live.drain(Duration.ofSeconds(2)).stream()
        .filter(r -> r.key().cluster().equals(cluster) && r.value() == null)
        .map(ConsumerRecord::key)
        .toList();
  }

  private ResourceKey key(String name) {
    return ResourceKey.of(cluster, "v1", "ConfigMap", "shop", name);
  }

  private static void create(KubernetesClient k8s, String name, String value) {
    ConfigMap configMap =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("shop")
            .endMetadata()
            .addToData("key", value)
            .build();
    k8s.configMaps().inNamespace("shop").resource(configMap).create();
  }

  private TopicProbe<ResourceKey, LiveState> liveProbe() {
    return open(
        TopicProbe.open(
            kafka.bootstrapServers(),
            Topics.LIVE_STATE.name(),
            Topics.LIVE_STATE.keySerde().deserializer(),
            Topics.LIVE_STATE.valueSerde().deserializer()));
  }

  private TopicProbe<String, SourceStatus> statusProbe() {
    return open(
        TopicProbe.open(
            kafka.bootstrapServers(),
            Topics.SOURCE_STATUS.name(),
            Topics.SOURCE_STATUS.keySerde().deserializer(),
            Topics.SOURCE_STATUS.valueSerde().deserializer()));
  }

  private <T extends AutoCloseable> T open(T closeable) {
    closeables.add(closeable);
    return closeable;
  }
}
