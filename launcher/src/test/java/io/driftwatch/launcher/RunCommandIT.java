package io.driftwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.launcher.command.RunCommand;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceOrigin;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TopicProbe;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code driftwatch run} as a user starts it: no Kafka configured, so the embedded broker keeps its
 * data under the data dir; {@code /metrics} shows gitops_drift_resources; a stop and a restart keep
 * the topics and re-emit nothing.
 */
class RunCommandIT {

  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void runStartsTheEmbeddedBrokerAndARestartKeepsTopicsWithoutReEmitting() throws Exception {
    int kafkaPort = freePort();
    int httpPort = freePort();
    Path config = writeConfig(commitConfigMapToGit(), kafkaPort, httpPort);
    ResourceKey settings = ResourceKey.of("laptop", "v1", "ConfigMap", "default", "settings");

    Running first = start(config);
    await().atMost(WAIT).until(() -> metrics(httpPort), body -> body.contains("jvm_memory"));
    // No cluster is configured in this process: the ConfigMap stays UNKNOWN until whoever
    // watches cluster 'laptop' (an ingest-cluster elsewhere) reports its list of ConfigMaps.
    reportConfigMapsListed(kafkaPort);
    await()
        .atMost(WAIT)
        .until(() -> metrics(httpPort), body -> body.contains("gitops_drift_resources{"));
    assertThat(metrics(httpPort))
        .contains("drift_type=\"MISSING_LIVE\"", "jvm_memory_used_bytes", "kafka_stream_");
    assertThat(first.stop()).isZero();
    assertThat(Files.isDirectory(dir.resolve("state/kafka"))).isTrue();

    Running second = start(config);
    try (TopicProbe<ResourceKey, DriftEvent> events =
        TopicProbe.open(
            "127.0.0.1:" + kafkaPort,
            Topics.DRIFT_EVENTS.name(),
            Topics.DRIFT_EVENTS.keySerde().deserializer(),
            Topics.DRIFT_EVENTS.valueSerde().deserializer())) {
      await()
          .atMost(WAIT)
          .until(() -> metrics(httpPort), body -> body.contains("drift_type=\"MISSING_LIVE\""));
      events.drain(Duration.ofSeconds(5));
      assertThat(events.records())
          .filteredOn(r -> settings.equals(r.key()))
          .extracting(ConsumerRecord::value)
          .extracting(DriftEvent::transition)
          .containsExactly(DriftTransition.OPENED);
    } finally {
      assertThat(second.stop()).isZero();
    }
    assertThat(second.out.toString())
        .contains("embedded", "http://localhost:" + httpPort + "/metrics");
  }

  private record Running(RunCommand command, CompletableFuture<Integer> exit, StringWriter out) {
    int stop() throws Exception {
      command.stop();
      return exit.get(60, TimeUnit.SECONDS);
    }
  }

  private Running start(Path config) {
    CommandLine cli = Driftwatch.newCommandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    RunCommand run = (RunCommand) cli.getSubcommands().get("run").getCommand();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(() -> cli.execute("run", "--config", config.toString()));
    return new Running(run, exit, out);
  }

  private String metrics(int port) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static void reportConfigMapsListed(int kafkaPort) throws Exception {
    String key = SourceStatus.clusterSource("laptop", "", "ConfigMap");
    SourceStatus listed =
        SourceStatus.of(key, SourceOrigin.CLUSTER, SourcePhase.SYNCED, "1", 0, Instant.now(), null);
    try (KafkaProducer<String, SourceStatus> producer =
        new KafkaProducer<>(
            KafkaSettings.of("127.0.0.1:" + kafkaPort).clientConfig(),
            Topics.SOURCE_STATUS.keySerde().serializer(),
            Topics.SOURCE_STATUS.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.SOURCE_STATUS.name(), key, listed)).get();
    }
  }

  private Path commitConfigMapToGit() throws Exception {
    Path repo = dir.resolve("fleet");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Files.writeString(
          repo.resolve("settings.yaml"),
          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  greeting: hello\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("Add settings").setAuthor("dev", "dev@example.com").call();
    }
    return repo;
  }

  private Path writeConfig(Path repo, int kafkaPort, int httpPort) throws IOException {
    return Files.writeString(
        dir.resolve("driftwatch.yaml"),
        """
        dataDir: state
        kafka:
          embedded: {port: %d}
        http: {port: %d}
        sources:
          - {id: laptop-fleet, repository: %s, cluster: laptop, pollInterval: 1s}
        driftStream:
          # Nothing reconciles this cluster: a difference is drift at once.
          gate: {pendingGrace: 0s}
        """
            .formatted(kafkaPort, httpPort, repo));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
