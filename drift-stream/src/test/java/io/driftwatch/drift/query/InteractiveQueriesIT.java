package io.driftwatch.drift.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.driftwatch.drift.DriftStream;
import io.driftwatch.drift.DriftStreamConfig;
import io.driftwatch.drift.DriftTopology;
import io.driftwatch.drift.ProvisionedTopics;
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
import io.driftwatch.testkit.TestKafka;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two drift-stream instances of the real topology (with the transition history attached below its
 * transitions) share the partitions on the real broker, each with its query handler on its own HTTP
 * server: a query sent to the instance that does not own a key gets the owner's answer, and the
 * fleet query merges both instances' resources.
 */
class InteractiveQueriesIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String COMMIT = "fedcba9876543210fedcba9876543210fedcba98";

  @TempDir Path stateDir;

  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void provisionTopics() {
    ProvisionedTopics.ensure();
  }

  @Test
  void aQueryReachesTheOwnerOfItsKeyAndTheFleetQueryMergesBothInstances() throws Exception {
    KafkaSettings kafka = KafkaSettings.of(TestKafka.bootstrapServers());
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String cluster = "iq-it-" + suffix;
    String source = "iq-it-source-" + suffix;
    DriftStreamConfig config =
        new DriftStreamConfig(
            "iq-it-" + suffix,
            stateDir.resolve("unused"),
            Duration.ofMillis(100),
            DriftStreamConfig.defaultComparison());

    try (Instance one = new Instance(config, stateDir.resolve("one"), kafka);
        Instance two = new Instance(config, stateDir.resolve("two"), kafka)) {
      HttpResponse<String> beforeStart = get(one, "drift");
      assertThat(beforeStart.statusCode()).isEqualTo(503);
      assertThat(beforeStart.headers().firstValue("Retry-After")).isPresent();
      assertThat(json(beforeStart).path("error").asText()).contains("has not started yet");

      one.start();
      two.start();
      await()
          .atMost(TIMEOUT)
          .until(() -> one.running() && two.running() && bothHostPartitions(one, two));

      // Markers first: verdicts stay UNKNOWN until the sources of both sides are SYNCED.
      sendSynced(kafka, SourceStatus.gitSource(source), SourceOrigin.GIT);
      sendSynced(
          kafka, SourceStatus.clusterSource(cluster, "apps", "Deployment"), SourceOrigin.CLUSTER);

      ResourceKey driftedAtOne = keyOwnedBy(one, cluster, "drifted", one.self);
      ResourceKey driftedAtTwo = keyOwnedBy(one, cluster, "drifted", two.self);
      ResourceKey syncedAtOne = keyOwnedBy(one, cluster, "synced", one.self);
      ResourceKey syncedAtTwo = keyOwnedBy(one, cluster, "synced", two.self);
      for (ResourceKey key : List.of(driftedAtOne, driftedAtTwo)) {
        send(kafka, Topics.LIVE_STATE, key, live(key, 5));
        send(kafka, Topics.DESIRED_STATE, key, desired(key, source, 2));
      }
      for (ResourceKey key : List.of(syncedAtOne, syncedAtTwo)) {
        send(kafka, Topics.LIVE_STATE, key, live(key, 2));
        send(kafka, Topics.DESIRED_STATE, key, desired(key, source, 2));
      }

      String drifted = "drift?cluster=" + cluster;
      List<String> expectedDrift = sorted(driftedAtOne, driftedAtTwo);
      await().atMost(TIMEOUT).until(() -> expectedDrift.equals(keys(answered(one, drifted))));

      JsonNode fleetAtTwo = json(answered(two, drifted));
      assertThat(keys(fleetAtTwo)).isEqualTo(expectedDrift);
      assertThat(fleetAtTwo.path("instances"))
          .extracting(JsonNode::asText)
          .containsExactlyInAnyOrder(one.authority(), two.authority());
      assertThat(keys(json(answered(two, drifted + "&status=OUT_OF_SYNC,SYNCED"))))
          .isEqualTo(sorted(driftedAtOne, driftedAtTwo, syncedAtOne, syncedAtTwo));

      for (ResourceKey key : List.of(driftedAtOne, driftedAtTwo)) {
        Instance owner = ownerOf(key, one, two);
        Instance other = owner == one ? two : one;

        HttpResponse<String> viaOther = answered(other, "resources/" + key);
        HttpResponse<String> atOwner = answered(owner, "resources/" + key);

        assertThat(viaOther.statusCode()).isEqualTo(200);
        assertThat(viaOther.headers().firstValue(Forwarder.SERVED_BY_HEADER))
            .as("answered by the owner of %s", key)
            .hasValue(owner.authority());
        assertThat(viaOther.body()).isEqualTo(atOwner.body());
        JsonNode body = json(viaOther);
        assertThat(body.path("status").path("syncStatus").asText()).isEqualTo("OUT_OF_SYNC");
        assertThat(body.path("differences").get(0).path("path").asText())
            .isEqualTo("/spec/replicas");
        assertThat(body.path("transitions"))
            .extracting(t -> t.path("transition").asText())
            .containsExactly("OPENED");
      }

      HttpResponse<String> unknown =
          answered(one, "resources/" + cluster + "/apps/Deployment/shop/never-declared");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(get(two, "resources/" + cluster + "/Deployment").statusCode()).isEqualTo(400);

      send(kafka, Topics.LIVE_STATE, driftedAtTwo, live(driftedAtTwo, 2));
      String path = "resources/" + driftedAtTwo;
      Instance notOwner = ownerOf(driftedAtTwo, one, two) == one ? two : one;
      await()
          .atMost(TIMEOUT)
          .until(
              () ->
                  transitions(json(answered(notOwner, path)))
                      .equals(List.of("RESOLVED", "OPENED")));
      assertThat(json(answered(notOwner, path)).path("status").path("syncStatus").asText())
          .isEqualTo("SYNCED");
      await()
          .atMost(TIMEOUT)
          .until(() -> keys(answered(notOwner, drifted)).equals(List.of(driftedAtOne.toString())));
    }
  }

  /** One drift-stream instance: the real topology, its HTTP server and query handler. */
  private static final class Instance implements AutoCloseable {

    final HttpServer server;
    final HostInfo self;
    final KafkaStreams streams;

    Instance(DriftStreamConfig shared, Path stateDir, KafkaSettings kafka) throws IOException {
      DriftStreamConfig config =
          new DriftStreamConfig(
              shared.applicationId(), stateDir, shared.commitInterval(), shared.comparison());
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      Properties props = DriftStream.streamsProperties(config, kafka);
      self = ApplicationServer.configure(props, "127.0.0.1", server.getAddress().getPort());
      Topology topology = DriftTopology.build(config);
      streams = new KafkaStreams(topology, props);
      server.createContext(QueryHandler.PREFIX, QueryHandler.forDriftStream(streams, self));
      server.start();
    }

    void start() {
      streams.start();
    }

    boolean running() {
      return streams.state() == KafkaStreams.State.RUNNING;
    }

    String authority() {
      return self.host() + ":" + self.port();
    }

    @Override
    public void close() {
      server.stop(0);
      streams.close(
          CloseOptions.timeout(Duration.ofSeconds(30))
              .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
  }

  private static boolean bothHostPartitions(Instance one, Instance two) {
    List<HostInfo> hosting = new ArrayList<>();
    for (StreamsMetadata metadata :
        one.streams.streamsMetadataForStore(DriftTopology.EPISODE_STORE)) {
      if (!metadata.topicPartitions().isEmpty()) {
        hosting.add(metadata.hostInfo());
      }
    }
    return hosting.contains(one.self) && hosting.contains(two.self);
  }

  /** The first key {@code <prefix>-<n>} of the cluster whose partition {@code owner} hosts. */
  private static ResourceKey keyOwnedBy(
      Instance asked, String cluster, String prefix, HostInfo owner) {
    for (int n = 0; n < 1000; n++) {
      ResourceKey key = ResourceKey.of(cluster, "apps/v1", "Deployment", "shop", prefix + "-" + n);
      if (owner.equals(ownerHost(asked, key))) {
        return key;
      }
    }
    throw new AssertionError("No key of " + cluster + " falls in a partition of " + owner);
  }

  private static HostInfo ownerHost(Instance asked, ResourceKey key) {
    return asked
        .streams
        .queryMetadataForKey(
            DriftTopology.EPISODE_STORE, key, Topics.DRIFT_STATUS.keySerde().serializer())
        .activeHost();
  }

  private static Instance ownerOf(ResourceKey key, Instance one, Instance two) {
    return one.self.equals(ownerHost(one, key)) ? one : two;
  }

  /** The answer once the instance is past a rebalance (503 answers are retried). */
  private HttpResponse<String> answered(Instance instance, String path) {
    List<HttpResponse<String>> last = new ArrayList<>(1);
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              last.clear();
              last.add(get(instance, path));
              return last.get(0).statusCode() != 503;
            });
    return last.get(0);
  }

  private HttpResponse<String> get(Instance instance, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(
                URI.create("http://" + instance.authority() + QueryHandler.PREFIX + path))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }

  private static List<String> keys(HttpResponse<String> response) throws IOException {
    return keys(json(response));
  }

  private static List<String> keys(JsonNode body) {
    List<String> keys = new ArrayList<>();
    body.path("resources").forEach(node -> keys.add(node.path("key").asText()));
    return keys;
  }

  private static List<String> transitions(JsonNode body) {
    List<String> transitions = new ArrayList<>();
    body.path("transitions").forEach(node -> transitions.add(node.path("transition").asText()));
    return transitions;
  }

  private static List<String> sorted(ResourceKey... keys) {
    return java.util.Arrays.stream(keys).map(ResourceKey::toString).sorted().toList();
  }

  private static void sendSynced(KafkaSettings kafka, String source, SourceOrigin origin)
      throws Exception {
    send(
        kafka,
        Topics.SOURCE_STATUS,
        source,
        SourceStatus.of(source, origin, SourcePhase.SYNCED, COMMIT, 2, Instant.now(), null));
  }

  private static <K, V> void send(KafkaSettings kafka, Topic<K, V> topic, K key, V value)
      throws Exception {
    try (KafkaProducer<K, V> producer =
        new KafkaProducer<>(
            kafka.clientConfig(), topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    }
  }

  private static DesiredState desired(ResourceKey key, String source, int replicas) {
    return DesiredState.of(
        key,
        source,
        COMMIT,
        // Committed an hour ago: past the pending grace, so a difference is drift at once.
        Instant.now().minus(Duration.ofHours(1)),
        "apps/" + key.name() + ".yaml",
        DriftFixture.manifest(key, replicas));
  }

  private static LiveState live(ResourceKey key, int replicas) {
    return LiveState.of(key, "1", Instant.now(), DriftFixture.manifest(key, replicas), null, null);
  }
}
