package io.driftwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.launcher.config.ConfigLoader;
import io.driftwatch.launcher.config.DriftwatchConfig;
import io.driftwatch.launcher.runtime.Pipeline;
import io.driftwatch.launcher.runtime.Stage;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SyncStatus;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TestKafka;
import io.driftwatch.testkit.TopicProbe;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thin slice end to end, through the real broker: a Git commit and a mock API server in CRUD
 * mode feed all four stages as {@code driftwatch run} wires them; drift events arrive on Kafka and
 * the gauge moves on {@code /metrics}.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ThinSliceIT {

  private static final Duration WAIT = Duration.ofSeconds(90);

  static KubernetesMockServer server;
  static KubernetesClient client;

  @TempDir Path dir;

  private final String cluster = "thin-" + UUID.randomUUID().toString().substring(0, 8);
  private final ResourceKey web = ResourceKey.of(cluster, "apps/v1", "Deployment", "shop", "web");
  private final HttpClient http = HttpClient.newHttpClient();

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        labels: {app: web}
      spec:
        replicas: 2
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
              - name: web
                image: nginx:1.27
      """;

  @Test
  void scalingLiveAwayFromGitOpensDriftAndScalingBackResolvesIt() throws Exception {
    Path repo = commitDeploymentToGit();
    client.resource(DEPLOYMENT).inNamespace("shop").create();
    DriftwatchConfig config = new ConfigLoader(Map.of()).load(writeConfig(repo));

    try (TopicProbe<ResourceKey, DriftStatus> status =
            TopicProbe.open(
                TestKafka.bootstrapServers(),
                Topics.DRIFT_STATUS.name(),
                Topics.DRIFT_STATUS.keySerde().deserializer(),
                Topics.DRIFT_STATUS.valueSerde().deserializer());
        TopicProbe<ResourceKey, DriftEvent> events =
            TopicProbe.open(
                TestKafka.bootstrapServers(),
                Topics.DRIFT_EVENTS.name(),
                Topics.DRIFT_EVENTS.keySerde().deserializer(),
                Topics.DRIFT_EVENTS.valueSerde().deserializer())) {

      int port;
      try (Pipeline pipeline = Pipeline.start(config, Stage.all(), true)) {
        port = pipeline.httpPort();
        status.await(
            r ->
                web.equals(r.key())
                    && r.value() != null
                    && r.value().syncStatus() == SyncStatus.SYNCED,
            WAIT);
        await().atMost(WAIT).until(() -> gauge(port, "MODIFIED"), v -> v != null && v == 0.0);

        client.apps().deployments().inNamespace("shop").withName("web").scale(5);

        ConsumerRecord<ResourceKey, DriftEvent> opened =
            events.await(
                r -> web.equals(r.key()) && r.value().transition() == DriftTransition.OPENED, WAIT);
        assertThat(opened.value().driftType()).isEqualTo(DriftType.MODIFIED);
        assertThat(opened.value().diffs())
            .singleElement()
            .satisfies(
                d -> {
                  assertThat(d.path()).isEqualTo("/spec/replicas");
                  assertThat(d.desired().asInt()).isEqualTo(2);
                  assertThat(d.live().asInt()).isEqualTo(5);
                });
        await().atMost(WAIT).until(() -> gauge(port, "MODIFIED"), v -> v != null && v == 1.0);
        // The query API on the same port answers from drift-stream's stores.
        HttpResponse<String> answer = query(port, "resources/" + web);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body())
            .contains("\"syncStatus\":\"OUT_OF_SYNC\"", "/spec/replicas", "\"OPENED\"");

        client.apps().deployments().inNamespace("shop").withName("web").scale(2);

        ConsumerRecord<ResourceKey, DriftEvent> resolved =
            events.await(
                r -> web.equals(r.key()) && r.value().transition() == DriftTransition.RESOLVED,
                WAIT);
        assertThat(resolved.value().durationMillis()).isNotNull().isNotNegative();
        await().atMost(WAIT).until(() -> gauge(port, "MODIFIED"), v -> v != null && v == 0.0);
      }

      // A restart on the same state re-emits nothing, and the pipeline still sees new drift
      // afterwards.
      try (Pipeline restarted = Pipeline.start(config, Stage.all(), true)) {
        int restartedPort = restarted.httpPort();
        await()
            .atMost(WAIT)
            .until(() -> gauge(restartedPort, "MODIFIED"), v -> v != null && v == 0.0);
        events.drain(Duration.ofSeconds(5));
        assertThat(transitionsOf(events.records()))
            .containsExactly(DriftTransition.OPENED, DriftTransition.RESOLVED);

        client.apps().deployments().inNamespace("shop").withName("web").scale(3);

        events.await(
            r ->
                web.equals(r.key())
                    && r.value().transition() == DriftTransition.OPENED
                    && r.offset() > resolvedOffset(events),
            WAIT);
        assertThat(transitionsOf(events.records()))
            .containsExactly(
                DriftTransition.OPENED, DriftTransition.RESOLVED, DriftTransition.OPENED);
      }
    }
  }

  private long resolvedOffset(TopicProbe<ResourceKey, DriftEvent> events) {
    return events.records().stream()
        .filter(r -> web.equals(r.key()) && r.value().transition() == DriftTransition.RESOLVED)
        .mapToLong(ConsumerRecord::offset)
        .max()
        .orElse(Long.MAX_VALUE);
  }

  private List<DriftTransition> transitionsOf(
      List<ConsumerRecord<ResourceKey, DriftEvent>> records) {
    return records.stream()
        .filter(r -> web.equals(r.key()))
        .map(r -> r.value().transition())
        .toList();
  }

  private Path commitDeploymentToGit() throws Exception {
    Path repo = dir.resolve("fleet");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Files.createDirectories(repo.resolve("apps/shop"));
      Files.writeString(repo.resolve("apps/shop/web.yaml"), DEPLOYMENT);
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("Deploy web with 2 replicas")
          .setAuthor("dev", "dev@example.com")
          .call();
    }
    return repo;
  }

  private Path writeConfig(Path repo) throws IOException {
    Path kubeconfig =
        Files.writeString(
            dir.resolve("kubeconfig"),
            """
            apiVersion: v1
            kind: Config
            clusters:
              - name: mock
                cluster: {server: "%s"}
            contexts:
              - name: mock
                context: {cluster: mock, user: mock, namespace: default}
            current-context: mock
            users:
              - name: mock
                user: {token: not-a-real-token}
            """
                .formatted(server.url("/")));
    return Files.writeString(
        dir.resolve("driftwatch.yaml"),
        """
        dataDir: state
        kafka:
          bootstrapServers: "%s"
        http:
          port: 0
        sources:
          - id: %s
            repository: %s
            ref: main
            path: apps
            cluster: %s
            pollInterval: 1s
        clusters:
          - name: %s
            kubeconfig: %s
            context: mock
            kinds:
              - {apiVersion: apps/v1, kind: Deployment}
        driftStream:
          applicationId: %s
          # The mock cluster has no reconciler: a difference is drift at once.
          gate: {pendingGrace: 0s}
        """
            .formatted(
                TestKafka.bootstrapServers(),
                cluster,
                repo,
                cluster,
                cluster,
                kubeconfig,
                "drift-" + cluster));
  }

  /**
   * The value of gitops_drift_resources for this test's Deployment kind, or null when the series is
   * absent.
   */
  private HttpResponse<String> query(int port, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/" + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Double gauge(int port, String driftType) throws IOException, InterruptedException {
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = Pattern.compile("(?m)^gitops_drift_resources\\{([^}]*)} (\\S+)$").matcher(body);
    while (m.find()) {
      String labels = m.group(1);
      if (labels.contains("cluster=\"" + cluster + "\"")
          && labels.contains("drift_type=\"" + driftType + "\"")
          && labels.contains("kind=\"Deployment\"")
          && labels.contains("namespace=\"shop\"")) {
        return Double.parseDouble(m.group(2));
      }
    }
    return null;
  }
}
