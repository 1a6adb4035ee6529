package io.driftwatch.ingest.git;

import static io.driftwatch.ingest.git.GitFixture.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.secret.SecretRedactor;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TestKafka;
import io.driftwatch.testkit.TopicProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing source on the real broker: its status counts the failures in a row and keeps the time
 * of the last success, across a restart; it is retried on the backoff rather than its poll
 * interval; a trigger (a webhook) polls it at once.
 */
class SourceRetryIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration HOURLY = Duration.ofHours(1);
  private static final SecretRedactor REDACTOR = SecretRedactor.withRandomKey();

  @TempDir Path origin;
  @TempDir Path work;

  private String sourceId;
  private GitFixture repo;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeAll
  static void createTopics() {
    TestTopics.ensureAll();
  }

  @BeforeEach
  void uniqueSource() {
    sourceId = "retry-" + UUID.randomUUID().toString().substring(0, 8);
    repo = GitFixture.create(origin);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : closeables) {
      closeable.close();
    }
    repo.close();
  }

  private GitIngest ingest(Duration pollInterval, RetryBackoff retry) {
    GitSourceConfig source =
        new GitSourceConfig(
            sourceId, origin.toString(), "main", "deploy", "c1", "apps", pollInterval, null);
    GitIngest ingest =
        new GitIngest(
            new GitIngestConfig(List.of(source), work, null, retry, null),
            KafkaSettings.of(TestKafka.bootstrapServers()),
            REDACTOR);
    closeables.add(ingest);
    return ingest;
  }

  private TopicProbe<String, SourceStatus> statuses() {
    TopicProbe<String, SourceStatus> probe =
        TopicProbe.open(
            TestKafka.bootstrapServers(),
            Topics.SOURCE_STATUS.name(),
            Topics.SOURCE_STATUS.keySerde().deserializer(),
            Topics.SOURCE_STATUS.valueSerde().deserializer());
    closeables.add(probe);
    return probe;
  }

  private SourceStatus awaitStatus(
      TopicProbe<String, SourceStatus> probe, SourcePhase phase, int failures) {
    return probe
        .await(
            r ->
                r.key().equals(SourceStatus.gitSource(sourceId))
                    && r.value().phase() == phase
                    && r.value().consecutiveFailures() == failures,
            WAIT)
        .value();
  }

  @Test
  void failuresInARowAreCountedAndTheLastSuccessTimeIsKeptUntilTheSourceRecovers() {
    repo.write("deploy/web.yaml", deployment("web", 1)).commit("first");
    GitIngest ingest = ingest(HOURLY, RetryBackoff.DEFAULT);
    TopicProbe<String, SourceStatus> probe = statuses();
    ingest.pollOnce();
    SourceStatus synced = awaitStatus(probe, SourcePhase.SYNCED, 0);
    assertThat(synced.lastSuccessAt()).isEqualTo(synced.observedAt());

    repo.delete("deploy/web.yaml").commit("path gone");
    ingest.pollOnce();
    ingest.pollOnce();
    SourceStatus second = awaitStatus(probe, SourcePhase.FAILED, 2);

    assertThat(second.lastSuccessAt()).isEqualTo(synced.lastSuccessAt());
    assertThat(second.message()).endsWith("[failed 2 times in a row; next attempt in 20s]");

    String back = repo.write("deploy/web.yaml", deployment("web", 2)).commit("path back");
    ingest.pollOnce();
    SourceStatus recovered =
        probe
            .await(
                r ->
                    r.key().equals(SourceStatus.gitSource(sourceId))
                        && back.equals(r.value().revision())
                        && r.value().phase() == SourcePhase.SYNCED,
                WAIT)
            .value();
    assertThat(recovered.consecutiveFailures()).isZero();
    assertThat(recovered.lastSuccessAt()).isAfter(synced.lastSuccessAt());
    assertThat(recovered.message()).isNull();
  }

  @Test
  void aRestartCarriesOnTheFailureCountAndTheLastSuccessTime() {
    repo.write("deploy/web.yaml", deployment("web", 1)).commit("first");
    TopicProbe<String, SourceStatus> probe = statuses();
    GitIngest first = ingest(HOURLY, RetryBackoff.DEFAULT);
    first.pollOnce();
    SourceStatus synced = awaitStatus(probe, SourcePhase.SYNCED, 0);
    repo.delete("deploy/web.yaml").commit("path gone");
    first.pollOnce();
    awaitStatus(probe, SourcePhase.FAILED, 1);
    first.close();

    ingest(HOURLY, RetryBackoff.DEFAULT).pollOnce();

    SourceStatus afterRestart = awaitStatus(probe, SourcePhase.FAILED, 2);
    assertThat(afterRestart.lastSuccessAt()).isEqualTo(synced.lastSuccessAt());
  }

  @Test
  void aPollThatFindsNoNewCommitRefreshesTheLastSuccessTime() throws InterruptedException {
    repo.write("deploy/web.yaml", deployment("web", 1)).commit("first");
    GitIngest ingest = ingest(HOURLY, RetryBackoff.DEFAULT);
    TopicProbe<String, SourceStatus> probe = statuses();
    ingest.pollOnce();
    SourceStatus first = awaitStatus(probe, SourcePhase.SYNCED, 0);
    Thread.sleep(20);

    ingest.pollOnce();

    SourceStatus again =
        probe
            .await(
                r ->
                    r.key().equals(SourceStatus.gitSource(sourceId))
                        && r.value().lastSuccessAt() != null
                        && r.value().lastSuccessAt().isAfter(first.lastSuccessAt()),
                WAIT)
            .value();
    assertThat(again.phase()).isEqualTo(SourcePhase.SYNCED);
    assertThat(again.revision()).isEqualTo(first.revision());
    assertThat(again.resourceCount()).isEqualTo(1);
  }

  @Test
  void aFailingSourceIsRetriedOnTheBackoffNotItsPollInterval() {
    repo.write("README.md", "no deploy directory yet").commit("empty");
    TopicProbe<String, SourceStatus> probe = statuses();
    GitIngest ingest =
        ingest(HOURLY, new RetryBackoff(Duration.ofMillis(200), Duration.ofMillis(400)));
    ingest.start();
    awaitStatus(probe, SourcePhase.FAILED, 1);

    String fixed = repo.write("deploy/web.yaml", deployment("web", 1)).commit("add deploy");

    SourceStatus recovered = awaitStatus(probe, SourcePhase.SYNCED, 0);
    assertThat(recovered.revision()).isEqualTo(fixed);
    assertThat(recovered.resourceCount()).isEqualTo(1);
  }

  @Test
  void aTriggerPollsAtOnceInsteadOfWaitingForTheInterval() {
    repo.write("deploy/web.yaml", deployment("web", 1)).commit("first");
    TopicProbe<String, SourceStatus> probe = statuses();
    GitIngest ingest = ingest(HOURLY, RetryBackoff.DEFAULT);
    ingest.start();
    awaitStatus(probe, SourcePhase.SYNCED, 0);
    String second = repo.write("deploy/web.yaml", deployment("web", 3)).commit("scale");

    assertThat(ingest.trigger(List.of(sourceId, "no-such-source"))).containsExactly(sourceId);

    SourceStatus synced =
        probe
            .await(
                r ->
                    r.key().equals(SourceStatus.gitSource(sourceId))
                        && second.equals(r.value().revision())
                        && r.value().phase() == SourcePhase.SYNCED,
                WAIT)
            .value();
    assertThat(synced.resourceCount()).isEqualTo(1);
  }
}
