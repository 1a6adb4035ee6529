package io.driftwatch.ingest.cluster;

import static io.driftwatch.ingest.cluster.testing.IngestHarness.TIMEOUT;
import static io.driftwatch.ingest.cluster.testing.IngestHarness.awaitLive;
import static io.driftwatch.ingest.cluster.testing.IngestHarness.awaitSynced;
import static io.driftwatch.ingest.cluster.testing.IngestHarness.uniqueCluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.ingest.cluster.kube.Backoff;
import io.driftwatch.ingest.cluster.kube.KubernetesClientFactory;
import io.driftwatch.ingest.cluster.testing.Fixtures;
import io.driftwatch.ingest.cluster.testing.IngestHarness;
import io.driftwatch.ingest.cluster.testing.KubeObjects;
import io.driftwatch.ingest.cluster.testing.LogCapture;
import io.driftwatch.ingest.cluster.testing.MockCluster;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.telemetry.MeterCatalog;
import io.driftwatch.testkit.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster's API server that is down at start, or goes away while watched, on the mock API server
 * and the real broker: ingest-cluster says so, retries with backoff, recovers on its own (with a
 * token rotated meanwhile), and the other cluster keeps flowing throughout. The failing cluster is
 * reached as in production, through {@link KubernetesClientFactory} with a server URL and a token
 * file.
 */
class ClusterResilienceIT {

  private static final WatchedKind CONFIG_MAPS = WatchedKind.of("v1", "ConfigMap");
  private static final Backoff FAST = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2));

  @TempDir Path dir;

  private final IngestHarness harness = IngestHarness.start();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void apiServerDownAtStartIsRetriedWithGrowingDelaysAndSaidSoWhileTheOtherClusterFlows()
      throws IOException {
    String down = uniqueCluster();
    String up = uniqueCluster();
    int port = freePort();
    Path token = Files.writeString(dir.resolve("token"), "token-1\n");
    MockCluster healthy = harness.open(MockCluster.start());
    healthy
        .client()
        .configMaps()
        .inNamespace("shop")
        .resource(KubeObjects.configMap("shop", "up", "k", "v"))
        .create();
    TopicProbe<ResourceKey, LiveState> live = harness.probe(Topics.LIVE_STATE);
    TopicProbe<String, SourceStatus> status = harness.probe(Topics.SOURCE_STATUS);
    LogCapture log = harness.open(LogCapture.start());

    ClusterIngest ingest = start(healthy, up, fromFiles(down, port, token));

    String downSource = SourceStatus.clusterSource(down, "", "ConfigMap");
    SourceStatus failed =
        status
            .await(
                r -> r.key().equals(downSource) && r.value().phase() == SourcePhase.FAILED, TIMEOUT)
            .value();
    assertThat(failed.message()).contains("127.0.0.1:" + port).doesNotContain("token-1");
    awaitLive(live, ResourceKey.of(up, "v1", "ConfigMap", "shop", "up"));
    await().atMost(TIMEOUT).until(() -> retryDelays(log, down).size() >= 3);
    List<Double> delays = retryDelays(log, down);
    assertThat(delays.subList(0, 3)).containsExactly(0.2, 0.4, 0.8);
    assertThat(ingest.healthy()).isFalse();
    assertThat(watchState(down, "FAILED")).isEqualTo(1);
    assertThat(new String(log.bytes(), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("token-1");

    // The API server comes up: the next attempt lists it, with the token from the file.
    MockCluster late = harness.open(MockCluster.startOn(port));
    late.client()
        .configMaps()
        .inNamespace("ops")
        .resource(KubeObjects.configMap("ops", "late", "k", "v"))
        .create();
    awaitSynced(status, down, "", "ConfigMap");
    awaitLive(live, ResourceKey.of(down, "v1", "ConfigMap", "ops", "late"));
    await().atMost(TIMEOUT).until(ingest::healthy);
    assertThat(watchState(down, "SYNCED")).isEqualTo(1);
    assertThat(watchState(down, "FAILED")).isZero();
    assertThat(late.takeOtherClientsAuthorizations()).containsExactly("Bearer token-1");
  }

  @Test
  void droppedConnectionReconnectsWithTheRotatedTokenWhileTheOtherClusterFlows()
      throws IOException, InterruptedException {
    String flaky = uniqueCluster();
    String steady = uniqueCluster();
    int port = freePort();
    Path token = Files.writeString(dir.resolve("token"), "token-1\n");
    MockCluster first = MockCluster.startOn(port);
    first
        .client()
        .configMaps()
        .inNamespace("shop")
        .resource(KubeObjects.configMap("shop", "before", "k", "v"))
        .create();
    MockCluster other = harness.open(MockCluster.start());
    TopicProbe<ResourceKey, LiveState> live = harness.probe(Topics.LIVE_STATE);
    TopicProbe<String, SourceStatus> status = harness.probe(Topics.SOURCE_STATUS);

    ClusterIngest ingest = start(other, steady, fromFiles(flaky, port, token));
    awaitLive(live, ResourceKey.of(flaky, "v1", "ConfigMap", "shop", "before"));
    awaitSynced(status, steady, "", "ConfigMap");
    assertThat(first.takeOtherClientsAuthorizations()).containsExactly("Bearer token-1");

    // The API server goes away with its watches; the token rotates meanwhile.
    first.close();
    Files.writeString(token, "token-2\n");
    other
        .client()
        .configMaps()
        .inNamespace("shop")
        .resource(KubeObjects.configMap("shop", "during", "k", "v"))
        .create();
    awaitLive(live, ResourceKey.of(steady, "v1", "ConfigMap", "shop", "during"));
    Thread.sleep(1000);

    MockCluster second = harness.open(MockCluster.startOn(port));
    second
        .client()
        .configMaps()
        .inNamespace("shop")
        .resource(KubeObjects.configMap("shop", "after", "k", "v"))
        .create();
    awaitLive(live, ResourceKey.of(flaky, "v1", "ConfigMap", "shop", "after"));
    await().atMost(TIMEOUT).until(ingest::healthy);
    assertThat(second.takeOtherClientsAuthorizations()).containsExactly("Bearer token-2");
    assertThat(
            registry
                .get(MeterCatalog.CLUSTER_EVENTS.name())
                .tags("cluster", flaky, "kind", "ConfigMap", "type", "ADDED")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(2);
    assertThat(
            registry
                .get(MeterCatalog.CLUSTER_LAST_EVENT.name())
                .tags("cluster", flaky, "kind", "ConfigMap")
                .gauge()
                .value())
        .isPositive();
  }

  private ClusterIngest start(MockCluster healthy, String up, ClusterConfig viaFiles) {
    KubernetesClientFactory factory = new KubernetesClientFactory();
    ClusterIngest ingest =
        harness.open(
            new ClusterIngest(
                new ClusterIngestConfig(
                    List.of(
                        viaFiles,
                        new ClusterConfig(
                            up, null, null, false, List.of(CONFIG_MAPS), List.of(), null))),
                harness.kafka(),
                Fixtures.redactor(),
                config -> config.name().equals(up) ? healthy.newClient() : factory.apply(config),
                registry,
                FAST));
    ingest.start();
    return ingest;
  }

  private static ClusterConfig fromFiles(String name, int port, Path token) {
    return new ClusterConfig(
        name,
        new ClusterAccess.ApiServer("http://127.0.0.1:" + port, token, null, null, null),
        List.of(CONFIG_MAPS),
        false,
        List.of(),
        null);
  }

  private double watchState(String cluster, String state) {
    return registry
        .get(MeterCatalog.CLUSTER_WATCH_STATE.name())
        .tags("cluster", cluster, "kind", "ConfigMap", "state", state)
        .gauge()
        .value();
  }

  /** The delays the WARN lines of a cluster announce, in order. */
  private static List<Double> retryDelays(LogCapture log, String cluster) {
    Pattern delay = Pattern.compile("retrying in ([0-9.]+) s");
    return log.linesContaining("Cluster '" + cluster + "': cannot watch").stream()
        .map(delay::matcher)
        .filter(Matcher::find)
        .map(m -> Double.parseDouble(m.group(1)))
        .toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
