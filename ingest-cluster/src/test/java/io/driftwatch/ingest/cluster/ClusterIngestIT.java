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
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClusterIngestIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static KafkaSettings kafka;

  private final List<AutoCloseable> closeables = new ArrayList<>();

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
  void deploymentIsPublishedNormalisedThenScaledThenTombstonedAndEmptyKindIsSynced() {
    String cluster = uniqueCluster();
    MockCluster mock = open(MockCluster.start());
    KubernetesClient k8s = mock.client();
    k8s.apps().deployments().inNamespace("shop").resource(deployment("web", 2)).create();
    k8s.apps().deployments().inNamespace("shop").withName("web").editStatus(d -> withStatus(d, 2));
    TopicProbe<ResourceKey, LiveState> live = liveProbe();
    TopicProbe<String, SourceStatus> status = statusProbe();

    ClusterIngest ingest =
        start(
            cluster,
            mock,
            List.of(WatchedKind.of("apps/v1", "Deployment"), WatchedKind.of("v1", "Service")));
    ResourceKey key = ResourceKey.of(cluster, "apps/v1", "Deployment", "shop", "web");

    // A kind with nothing in the cluster is synced too: its absence is then proven.
    ConsumerRecord<String, SourceStatus> noServices =
        status.await(
            r ->
                r.key().equals(SourceStatus.clusterSource(cluster, "", "Service"))
                    && r.value().phase() == SourcePhase.SYNCED,
            TIMEOUT);
    assertThat(noServices.value().resourceCount()).isZero();

    ConsumerRecord<String, SourceStatus> synced =
        status.await(
            r ->
                r.key().equals(SourceStatus.clusterSource(cluster, "apps", "Deployment"))
                    && r.value().phase() == SourcePhase.SYNCED,
            TIMEOUT);
    assertThat(synced.value().resourceCount()).isEqualTo(1);
    assertThat(status.records())
        .filteredOn(r -> r.key().equals(synced.key()))
        .first()
        .satisfies(r -> assertThat(r.value().phase()).isEqualTo(SourcePhase.LISTING));

    LiveState first = live.await(r -> r.key().equals(key) && r.value() != null, TIMEOUT).value();
    assertThat(first.resourceVersion()).isNotBlank();
    assertThat(first.manifest().path("metadata").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("name", "namespace", "labels", "annotations");
    assertThat(first.manifest().path("metadata").path("annotations").fieldNames())
        .toIterable()
        .containsExactly("team");
    assertThat(first.manifest().has("status")).isFalse();
    assertThat(first.status().path("readyReplicas").asInt()).isEqualTo(2);
    assertThat(first.manifest().path("spec").path("replicas").asInt()).isEqualTo(2);

    k8s.apps()
        .deployments()
        .inNamespace("shop")
        .withName("web")
        .edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(5).endSpec().build());
    live.await(
        r ->
            r.key().equals(key)
                && r.value() != null
                && r.value().manifest().path("spec").path("replicas").asInt() == 5,
        TIMEOUT);

    k8s.apps().deployments().inNamespace("shop").withName("web").delete();
    live.await(r -> r.key().equals(key) && r.value() == null, TIMEOUT);
    assertThat(ingest.healthy()).isTrue();
  }

  @Test
  void secretValueNeverAppearsOnAnyTopic() {
    String cluster = uniqueCluster();
    String plain = "plain-secret-" + UUID.randomUUID();
    String encoded = Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    MockCluster mock = open(MockCluster.start());
    KubernetesClient k8s = mock.client();
    k8s.secrets()
        .inNamespace("shop")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("db")
                .withNamespace("shop")
                .addToAnnotations(
                    "kubectl.kubernetes.io/last-applied-configuration",
                    "{\"data\":{\"password\":\"" + encoded + "\"}}")
                .endMetadata()
                .addToData("password", encoded)
                .build())
        .create();
    k8s.configMaps()
        .inNamespace("shop")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .withNamespace("shop")
                .endMetadata()
                .addToData("mirror", "not the secret")
                .build())
        .create();
    List<TopicProbe<byte[], byte[]>> raw =
        List.of(
            rawProbe(Topics.LIVE_STATE.name()),
            rawProbe(Topics.SOURCE_STATUS.name()),
            rawProbe(Topics.DEAD_LETTER.name()));
    TopicProbe<ResourceKey, LiveState> live = liveProbe();

    start(
        cluster, mock, List.of(WatchedKind.of("v1", "Secret"), WatchedKind.of("v1", "ConfigMap")));
    ResourceKey secretKey = ResourceKey.of(cluster, "v1", "Secret", "shop", "db");
    live.await(r -> r.key().equals(secretKey), TIMEOUT);
    // A Secret changed while watched flows too, and its new value must not leak either.
    String plain2 = "rotated-secret-" + UUID.randomUUID();
    k8s.secrets()
        .inNamespace("shop")
        .withName("db")
        .edit(s -> new SecretBuilder(s).addToStringData("token", plain2).build());
    live.await(
        r -> r.key().equals(secretKey) && r.value().manifest().path("data").has("token"), TIMEOUT);

    LiveState secret =
        live.records().stream()
            .filter(r -> r.key().equals(secretKey))
            .map(ConsumerRecord::value)
            .findFirst()
            .orElseThrow();
    assertThat(secret.manifest().path("data").path("password").asText()).startsWith("hmac-sha256:");
    String encoded2 = Base64.getEncoder().encodeToString(plain2.getBytes(StandardCharsets.UTF_8));
    for (TopicProbe<byte[], byte[]> probe : raw) {
      List<ConsumerRecord<byte[], byte[]>> records = probe.drain(Duration.ofSeconds(2));
      assertThat(records)
          .allSatisfy(
              r -> {
                String value =
                    r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
                String keyText = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
                assertThat(value + keyText)
                    .doesNotContain(plain)
                    .doesNotContain(encoded)
                    .doesNotContain(plain2)
                    .doesNotContain(encoded2);
              });
    }
  }

  @Test
  void customResourceKindResolvedThroughDiscoveryFlows() {
    String cluster = uniqueCluster();
    MockCluster mock = open(MockCluster.start());
    KubernetesClient k8s = mock.client();
    k8s.apiextensions().v1().customResourceDefinitions().resource(widgetCrd()).create();
    ResourceDefinitionContext widgets =
        new ResourceDefinitionContext.Builder()
            .withGroup("example.com")
            .withVersion("v1")
            .withKind("Widget")
            .withPlural("widgets")
            .withNamespaced(true)
            .build();
    k8s.genericKubernetesResources(widgets).inNamespace("shop").resource(widget("blue")).create();
    TopicProbe<ResourceKey, LiveState> live = liveProbe();
    TopicProbe<String, SourceStatus> status = statusProbe();

    // Neither plural nor scope given: both must come from the API server's discovery.
    start(cluster, mock, List.of(WatchedKind.of("example.com/v1", "Widget")));

    ResourceKey key = ResourceKey.of(cluster, "example.com/v1", "Widget", "shop", "blue");
    LiveState blue = live.await(r -> r.key().equals(key), TIMEOUT).value();
    assertThat(blue.manifest().path("spec").path("size").asInt()).isEqualTo(3);
    status.await(
        r ->
            r.key().equals(SourceStatus.clusterSource(cluster, "example.com", "Widget"))
                && r.value().phase() == SourcePhase.SYNCED
                && r.value().resourceCount() == 1,
        TIMEOUT);
  }

  @Test
  void unreachableClusterIsFailedAndRetriedWhileOtherClustersFlow() throws IOException {
    String down = uniqueCluster();
    String up = uniqueCluster();
    int port = freePort();
    MockCluster healthy = open(MockCluster.start());
    healthy
        .client()
        .apps()
        .deployments()
        .inNamespace("shop")
        .resource(deployment("api", 1))
        .create();
    TopicProbe<ResourceKey, LiveState> live = liveProbe();
    TopicProbe<String, SourceStatus> status = statusProbe();
    List<WatchedKind> kinds = List.of(WatchedKind.of("apps/v1", "Deployment"));
    ClusterIngest ingest =
        open(
            new ClusterIngest(
                new ClusterIngestConfig(
                    List.of(cluster(down, kinds, List.of()), cluster(up, kinds, List.of()))),
                kafka,
                Fixtures.redactor(),
                config -> config.name().equals(down) ? clientFor(port) : healthy.newClient()));

    ingest.start();

    String downSource = SourceStatus.clusterSource(down, "apps", "Deployment");
    SourceStatus failed =
        status
            .await(
                r -> r.key().equals(downSource) && r.value().phase() == SourcePhase.FAILED, TIMEOUT)
            .value();
    assertThat(failed.message()).isNotBlank();
    assertThat(ingest.healthy()).isFalse();
    live.await(
        r -> r.key().equals(ResourceKey.of(up, "apps/v1", "Deployment", "shop", "api")), TIMEOUT);

    // The API server comes up: the next attempt lists it and the component is healthy again.
    MockCluster late = open(MockCluster.startOn(port));
    late.client().apps().deployments().inNamespace("ops").resource(deployment("late", 1)).create();
    status.await(
        r ->
            r.key().equals(downSource)
                && r.value().phase() == SourcePhase.SYNCED
                && r.value().resourceCount() == 1,
        Duration.ofSeconds(60));
    live.await(
        r -> r.key().equals(ResourceKey.of(down, "apps/v1", "Deployment", "ops", "late")), TIMEOUT);
    await().atMost(TIMEOUT).until(ingest::healthy);
  }

  @Test
  void onlyConfiguredNamespacesAndLabelsAreWatched() {
    String cluster = uniqueCluster();
    MockCluster mock = open(MockCluster.start());
    KubernetesClient k8s = mock.client();
    k8s.configMaps().inNamespace("shop").resource(configMap("shop", "wanted", "yes")).create();
    k8s.configMaps().inNamespace("shop").resource(configMap("shop", "unlabelled", "no")).create();
    k8s.configMaps().inNamespace("other").resource(configMap("other", "elsewhere", "yes")).create();
    TopicProbe<ResourceKey, LiveState> live = liveProbe();
    TopicProbe<String, SourceStatus> status = statusProbe();

    open(new ClusterIngest(
            new ClusterIngestConfig(
                List.of(
                    new ClusterConfig(
                        cluster,
                        null,
                        null,
                        false,
                        List.of(WatchedKind.of("v1", "ConfigMap")),
                        List.of("shop"),
                        "driftwatch-it=yes"))),
            kafka,
            Fixtures.redactor(),
            config -> mock.newClient()))
        .start();

    status.await(
        r ->
            r.key().equals(SourceStatus.clusterSource(cluster, "", "ConfigMap"))
                && r.value().phase() == SourcePhase.SYNCED
                && r.value().resourceCount() == 1,
        TIMEOUT);
    k8s.configMaps().inNamespace("shop").resource(configMap("shop", "later", "yes")).create();
    live.await(
        r -> r.key().equals(ResourceKey.of(cluster, "v1", "ConfigMap", "shop", "later")), TIMEOUT);
    assertThat(live.drain(Duration.ofSeconds(1)))
        .filteredOn(r -> r.key().cluster().equals(cluster))
        .extracting(r -> r.key().name())
        .containsExactlyInAnyOrder("wanted", "later");
  }

  private ClusterIngest start(String cluster, MockCluster mock, List<WatchedKind> kinds) {
    ClusterIngest ingest =
        open(
            new ClusterIngest(
                new ClusterIngestConfig(List.of(cluster(cluster, kinds, List.of()))),
                kafka,
                Fixtures.redactor(),
                config -> mock.newClient()));
    ingest.start();
    return ingest;
  }

  private static ClusterConfig cluster(String name, List<WatchedKind> kinds, List<String> ns) {
    return new ClusterConfig(name, null, null, false, kinds, ns, null);
  }

  private static KubernetesClient clientFor(int port) {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + port)
                .withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(1000)
                .build())
        .build();
  }

  private static Deployment deployment(String name, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("app", name)
        .addToAnnotations("team", "payments")
        .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration", "{}")
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName(name)
        .withImage("ghcr.io/example/" + name + ":1.0.0")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Deployment withStatus(Deployment deployment, int ready) {
    return new DeploymentBuilder(deployment)
        .withStatus(
            new DeploymentStatusBuilder()
                .withReplicas(ready)
                .withReadyReplicas(ready)
                .withObservedGeneration(1L)
                .build())
        .build();
  }

  private static io.fabric8.kubernetes.api.model.ConfigMap configMap(
      String namespace, String name, String label) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .addToLabels("driftwatch-it", label)
        .endMetadata()
        .addToData("key", "value")
        .build();
  }

  private static CustomResourceDefinition widgetCrd() {
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName("widgets.example.com")
        .endMetadata()
        .withNewSpec()
        .withGroup("example.com")
        .withScope("Namespaced")
        .withNewNames()
        .withKind("Widget")
        .withPlural("widgets")
        .withSingular("widget")
        .endNames()
        .addNewVersion()
        .withName("v1")
        .withServed(true)
        .withStorage(true)
        .endVersion()
        .endSpec()
        .build();
  }

  private static GenericKubernetesResource widget(String name) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("example.com/v1")
        .withKind("Widget")
        .withNewMetadata()
        .withName(name)
        .withNamespace("shop")
        .endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of("size", 3, "colour", name)))
        .build();
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

  private TopicProbe<byte[], byte[]> rawProbe(String topic) {
    return open(
        TopicProbe.open(
            kafka.bootstrapServers(),
            topic,
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer()));
  }

  private <T extends AutoCloseable> T open(T closeable) {
    closeables.add(closeable);
    return closeable;
  }

  private static String uniqueCluster() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
