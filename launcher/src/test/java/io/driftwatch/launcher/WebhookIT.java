package io.driftwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.launcher.config.ConfigLoader;
import io.driftwatch.launcher.config.DriftwatchConfig;
import io.driftwatch.launcher.runtime.Pipeline;
import io.driftwatch.launcher.runtime.Stage;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TestKafka;
import io.driftwatch.testkit.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push webhook through the launcher as {@code driftwatch ingest-git} and {@code alert-sink} run
 * it on a shared broker: a source polled hourly picks up a new commit within seconds of a signed
 * call to {@code /hooks/<receiver>}, and its freshness shows on {@code /metrics}.
 */
class WebhookIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SECRET = "webhook-it-secret";

  @TempDir Path dir;

  private final String id = "hook-" + UUID.randomUUID().toString().substring(0, 8);
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aSignedPushFetchesAnHourlySourceAtOnceAndMetricsShowItsFreshness() throws Exception {
    Path repo = dir.resolve("fleet");
    Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
    commit(git, repo, "apps/cm.yaml", configMap("one"), "first");
    DriftwatchConfig config = new ConfigLoader(Map.of()).load(writeConfig(repo));

    try (TopicProbe<String, SourceStatus> statuses =
            TopicProbe.open(
                TestKafka.bootstrapServers(),
                Topics.SOURCE_STATUS.name(),
                Topics.SOURCE_STATUS.keySerde().deserializer(),
                Topics.SOURCE_STATUS.valueSerde().deserializer());
        Pipeline pipeline =
            Pipeline.start(config, EnumSet.of(Stage.INGEST_GIT, Stage.ALERT_SINK), false)) {
      awaitSynced(statuses, git);
      String second = commit(git, repo, "apps/cm.yaml", configMap("two"), "second");

      String body = "{\"ref\":\"refs/heads/main\"}";
      HttpResponse<String> unsigned = post(pipeline.httpPort(), body, "sha256=00");
      HttpResponse<String> signed = post(pipeline.httpPort(), body, "sha256=" + hmac(body));

      assertThat(unsigned.statusCode()).isEqualTo(401);
      assertThat(signed.statusCode()).isEqualTo(202);
      assertThat(signed.body()).isEqualTo("polling 1 sources: " + id + "\n");
      SourceStatus synced = awaitSynced(statuses, git);
      assertThat(synced.revision()).isEqualTo(second);
      await()
          .atMost(WAIT)
          .until(
              () -> metrics(pipeline.httpPort()),
              m ->
                  m.contains("gitops_source_consecutive_failures{source=\"git:" + id + "\"} 0.0")
                      && m.contains(
                          "gitops_source_last_success_timestamp_seconds{source=\"git:"
                              + id
                              + "\"}"));
    }
  }

  private SourceStatus awaitSynced(TopicProbe<String, SourceStatus> statuses, Git git)
      throws Exception {
    String head = git.getRepository().resolve("main").name();
    return statuses
        .await(
            r ->
                r.key().equals(SourceStatus.gitSource(id))
                    && r.value().phase() == SourcePhase.SYNCED
                    && head.equals(r.value().revision()),
            WAIT)
        .value();
  }

  private HttpResponse<String> post(int port, String body, String signature) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/hooks/github"))
            .header("X-Hub-Signature-256", signature)
            .header("X-GitHub-Event", "push")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String metrics(int port) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String hmac(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String configMap(String value) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: shop}
        data: {value: "%s"}
        """
        .formatted(value);
  }

  private static String commit(Git git, Path repo, String file, String content, String message)
      throws Exception {
    Files.createDirectories(repo.resolve(file).getParent());
    Files.writeString(repo.resolve(file), content);
    git.add().addFilepattern(".").call();
    return git.commit().setMessage(message).setAuthor("dev", "dev@example.com").call().name();
  }

  private Path writeConfig(Path repo) throws Exception {
    Files.writeString(dir.resolve("hook-secret"), SECRET + "\n");
    Files.write(dir.resolve("hmac.key"), "0123456789abcdef0123456789abcdef".getBytes());
    return Files.writeString(
        dir.resolve("driftwatch.yaml"),
        """
        dataDir: state
        kafka:
          bootstrapServers: "%s"
        security:
          secretHmacKeyFile: hmac.key
        http:
          port: 0
        sources:
          - id: %s
            repository: %s
            path: apps
            cluster: local
            pollInterval: 1h
        clusters:
          - name: local
            kinds:
              - {apiVersion: v1, kind: ConfigMap}
        receivers:
          - name: github
            type: github
            secretFile: hook-secret
        """
            .formatted(TestKafka.bootstrapServers(), id, repo));
  }
}
