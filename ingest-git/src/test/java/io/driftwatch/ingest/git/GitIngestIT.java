package io.driftwatch.ingest.git;

import static io.driftwatch.ingest.git.GitFixture.configMap;
import static io.driftwatch.ingest.git.GitFixture.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.driftwatch.model.CommitRecord;
import io.driftwatch.model.CommitSignature;
import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.secret.SecretRedactor;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitIngestIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration QUIET = Duration.ofSeconds(1);
  private static final SecretRedactor REDACTOR =
      new SecretRedactor("integration-test-hmac-key-0123".getBytes(StandardCharsets.UTF_8));

  @TempDir Path origin;
  @TempDir Path work;

  private String sourceId;
  private String cluster;
  private GitFixture repo;
  private final List<AutoCloseable> closeables = new java.util.ArrayList<>();

  @BeforeAll
  static void createTopics() {
    TestTopics.ensureAll();
  }

  @BeforeEach
  void uniqueSource() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    sourceId = "it-" + suffix;
    cluster = "cluster-" + suffix;
    repo = GitFixture.create(origin);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : closeables) {
      closeable.close();
    }
    repo.close();
  }

  private GitSourceConfig source(String id, Path repository) {
    return new GitSourceConfig(
        id, repository.toString(), "main", "deploy", cluster, "apps", Duration.ofMillis(200), null);
  }

  private GitIngest ingest(GitSourceConfig... sources) {
    GitIngest ingest =
        new GitIngest(
            new GitIngestConfig(List.of(sources), work),
            KafkaSettings.of(TestKafka.bootstrapServers()),
            REDACTOR);
    closeables.add(ingest);
    return ingest;
  }

  private <K, V> TopicProbe<K, V> probe(Topic<K, V> topic) {
    TopicProbe<K, V> probe =
        TopicProbe.open(
            TestKafka.bootstrapServers(),
            topic.name(),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer());
    closeables.add(probe);
    return probe;
  }

  private ResourceKey deploymentKey(String name) {
    return new ResourceKey(cluster, "apps", "Deployment", "apps", name);
  }

  private ResourceKey configMapKey(String name) {
    return new ResourceKey(cluster, "", "ConfigMap", "apps", name);
  }

  private List<ConsumerRecord<ResourceKey, DesiredState>> desiredOfThisTest(
      TopicProbe<ResourceKey, DesiredState> probe) {
    return probe.drain(QUIET).stream().filter(r -> r.key().cluster().equals(cluster)).toList();
  }

  @Test
  void committedDeploymentIsPublishedWithItsCommitAndTheSourceIsSynced() {
    String sha =
        repo.write("deploy/web.yaml", deployment("web", 2))
            .commit("add web\n\nThe body is not the subject.");
    GitIngest ingest = ingest(source(sourceId, origin));

    PollSummary summary = ingest.pollOnce();

    assertThat(summary.source(sourceId))
        .isEqualTo(new SourcePoll(sourceId, sha, true, 1, 0, 0, null));
    DesiredState desired =
        probe(Topics.DESIRED_STATE).await(r -> deploymentKey("web").equals(r.key()), WAIT).value();
    assertThat(desired.source()).isEqualTo(sourceId);
    assertThat(desired.commit()).isEqualTo(sha);
    assertThat(desired.path()).isEqualTo("deploy/web.yaml");
    assertThat(desired.commitTime()).isBetween(Instant.now().minusSeconds(120), Instant.now());
    assertThat(desired.manifest().at("/metadata/namespace").asText()).isEqualTo("apps");
    assertThat(desired.manifest().at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(desired.author()).isEqualTo("Test <test@example.com>");
    assertThat(desired.subject()).isEqualTo("add web");
    assertThat(desired.signature()).isEqualTo(CommitSignature.UNSIGNED);

    CommitRecord commit =
        probe(Topics.COMMITS)
            .await(r -> CommitRecord.key(sourceId, sha).equals(r.key()), WAIT)
            .value();
    assertThat(commit.source()).isEqualTo(sourceId);
    assertThat(commit.sha()).isEqualTo(sha);
    assertThat(commit.author()).isEqualTo("Test <test@example.com>");
    assertThat(commit.subject()).isEqualTo("add web");
    assertThat(commit.signature()).isEqualTo(CommitSignature.UNSIGNED);
    assertThat(commit.committerTime()).isEqualTo(desired.commitTime());
    assertThat(commit.parents()).isEmpty();

    TopicProbe<String, SourceStatus> statuses = probe(Topics.SOURCE_STATUS);
    SourceStatus synced =
        statuses
            .await(
                r ->
                    r.key().equals(SourceStatus.gitSource(sourceId))
                        && r.value().phase() == SourcePhase.SYNCED,
                WAIT)
            .value();
    assertThat(synced.revision()).isEqualTo(sha);
    assertThat(synced.resourceCount()).isEqualTo(1);
    assertThat(
            statuses.records().stream()
                .filter(r -> r.key().equals(SourceStatus.gitSource(sourceId)))
                .map(r -> r.value().phase()))
        .containsExactly(SourcePhase.RENDERING, SourcePhase.SYNCED);
  }

  @Test
  void editedObjectIsTheOnlyOneRepublished() {
    String first =
        repo.write("deploy/web.yaml", deployment("web", 1))
            .write("deploy/config.yaml", configMap("settings", "a"))
            .commit("first");
    GitIngest ingest = ingest(source(sourceId, origin));
    ingest.pollOnce();

    String second = repo.write("deploy/web.yaml", deployment("web", 3)).commit("scale web");
    PollSummary summary = ingest.pollOnce();

    assertThat(summary.source(sourceId).published()).isEqualTo(1);
    List<ConsumerRecord<ResourceKey, DesiredState>> records =
        desiredOfThisTest(probe(Topics.DESIRED_STATE));
    assertThat(records.stream().filter(r -> r.key().equals(configMapKey("settings")))).hasSize(1);
    // One key lives on one partition, so its records are in publish order; across keys there is no
    // order.
    List<ConsumerRecord<ResourceKey, DesiredState>> web =
        records.stream().filter(r -> r.key().equals(deploymentKey("web"))).toList();
    assertThat(web)
        .extracting(r -> r.value().manifest().at("/spec/replicas").asInt())
        .containsExactly(1, 3);
    assertThat(web.get(1).value().commit()).isEqualTo(second);
    assertThat(web.get(1).value().subject()).isEqualTo("scale web");
    assertThat(
            probe(Topics.COMMITS).drain(QUIET).stream()
                .filter(r -> r.value().source().equals(sourceId))
                .map(ConsumerRecord::value))
        .extracting(CommitRecord::sha, CommitRecord::subject, CommitRecord::parents)
        .containsExactlyInAnyOrder(
            tuple(first, "first", List.of()), tuple(second, "scale web", List.of(first)));
  }

  @Test
  void unchangedCommitIsNotRenderedAgain() {
    String sha = repo.write("deploy/web.yaml", deployment("web", 1)).commit("first");
    GitIngest ingest = ingest(source(sourceId, origin));
    ingest.pollOnce();

    assertThat(ingest.pollOnce().source(sourceId))
        .isEqualTo(new SourcePoll(sourceId, sha, false, 0, 0, 0, null));
    assertThat(desiredOfThisTest(probe(Topics.DESIRED_STATE))).hasSize(1);
    assertThat(
            probe(Topics.COMMITS).drain(QUIET).stream()
                .filter(r -> r.value().source().equals(sourceId)))
        .hasSize(1);
  }

  @Test
  void deletedFileBecomesATombstone() {
    repo.write("deploy/web.yaml", deployment("web", 1))
        .write("deploy/config.yaml", configMap("settings", "a"))
        .commit("first");
    GitIngest ingest = ingest(source(sourceId, origin));
    ingest.pollOnce();

    repo.delete("deploy/config.yaml").commit("remove settings");
    PollSummary summary = ingest.pollOnce();

    assertThat(summary.source(sourceId).tombstoned()).isEqualTo(1);
    assertThat(summary.source(sourceId).published()).isZero();
    List<ConsumerRecord<ResourceKey, DesiredState>> settings =
        desiredOfThisTest(probe(Topics.DESIRED_STATE)).stream()
            .filter(r -> r.key().equals(configMapKey("settings")))
            .toList();
    assertThat(settings).hasSize(2);
    assertThat(settings.get(1).value()).isNull();
  }

  @Test
  void badFileGoesToTheDeadLetterTopicAndGoodObjectsAreStillPublished() {
    String sha =
        repo.write("deploy/web.yaml", deployment("web", 1))
            .write(
                "deploy/broken.yaml",
                "apiVersion: v1\nkind: Secret\nstringData:\n  token: [leaked-value\n")
            .write(
                "deploy/secret.yaml",
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData:\n  password: hunter2\n")
            .commit("mixed");
    GitIngest ingest = ingest(source(sourceId, origin));

    PollSummary summary = ingest.pollOnce();

    assertThat(summary.source(sourceId).errors()).isEqualTo(1);
    assertThat(summary.source(sourceId).published()).isEqualTo(2);
    DeadLetter dead =
        probe(Topics.DEAD_LETTER).await(r -> r.key().startsWith(sourceId + "@"), WAIT).value();
    assertThat(dead.stage()).isEqualTo("ingest-git");
    assertThat(dead.origin()).isEqualTo(sourceId + "@" + sha + ":deploy/broken.yaml");
    assertThat(dead.reason()).startsWith("invalid YAML: ").doesNotContain("leaked-value");

    List<ConsumerRecord<ResourceKey, DesiredState>> desired =
        desiredOfThisTest(probe(Topics.DESIRED_STATE));
    assertThat(desired).extracting(r -> r.key().name()).containsExactlyInAnyOrder("web", "creds");
    assertThat(desired.toString()).doesNotContain("hunter2");
    SourceStatus status =
        probe(Topics.SOURCE_STATUS)
            .await(
                r ->
                    r.key().equals(SourceStatus.gitSource(sourceId))
                        && r.value().phase() == SourcePhase.SYNCED,
                WAIT)
            .value();
    assertThat(status.message()).contains("1 file could not be rendered");
  }

  @Test
  void duplicateNonUtf8AndBombFilesAreDeadLetteredWithTheCommitAndTombstoneNothing() {
    repo.write("deploy/a-web.yaml", deployment("web", 1))
        .write("deploy/settings.yaml", configMap("settings", "v1"))
        .commit("all good");
    GitIngest ingest = ingest(source(sourceId, origin));
    assertThat(ingest.pollOnce().source(sourceId).published()).isEqualTo(2);

    String sha =
        repo.writeBytes(
                "deploy/settings.yaml", BadInputKeepsGoodStateTest.latin1ConfigMap("settings"))
            .write("deploy/z-copy.yaml", deployment("web", 9))
            .write("deploy/bomb.yaml", BadInputKeepsGoodStateTest.billionLaughs())
            .write("deploy/new.yaml", configMap("added", "x"))
            .commit("three bad files and a good one");
    PollSummary summary = ingest.pollOnce();

    assertThat(summary.source(sourceId).failure()).isNull();
    assertThat(summary.source(sourceId).errors()).isEqualTo(3);
    assertThat(summary.source(sourceId).published()).isEqualTo(1);
    assertThat(summary.source(sourceId).tombstoned()).isZero();
    TopicProbe<String, DeadLetter> deadLetters = probe(Topics.DEAD_LETTER);
    String prefix = sourceId + "@" + sha + ":deploy/";
    DeadLetter duplicate =
        deadLetters.await(r -> r.key().equals(prefix + "z-copy.yaml"), WAIT).value();
    assertThat(duplicate.reason())
        .contains("deploy/a-web.yaml (kept)")
        .contains("deploy/z-copy.yaml (ignored)");
    DeadLetter latin1 =
        deadLetters.await(r -> r.key().equals(prefix + "settings.yaml"), WAIT).value();
    assertThat(latin1.origin()).isEqualTo(prefix + "settings.yaml");
    assertThat(latin1.reason()).contains("not valid UTF-8").contains("line 6, column 12");
    DeadLetter bomb = deadLetters.await(r -> r.key().equals(prefix + "bomb.yaml"), WAIT).value();
    assertThat(bomb.reason()).contains("aliases");

    List<ConsumerRecord<ResourceKey, DesiredState>> desired =
        desiredOfThisTest(probe(Topics.DESIRED_STATE));
    assertThat(desired).extracting(ConsumerRecord::value).doesNotContainNull();
    assertThat(desired)
        .extracting(r -> r.key().name())
        .containsExactlyInAnyOrder("web", "settings", "added");
    assertThat(desired)
        .filteredOn(r -> r.key().equals(deploymentKey("web")))
        .singleElement()
        .satisfies(r -> assertThat(r.value().manifest().at("/spec/replicas").asInt()).isEqualTo(1));
    SourceStatus status =
        probe(Topics.SOURCE_STATUS)
            .await(
                r ->
                    r.key().equals(SourceStatus.gitSource(sourceId))
                        && r.value().phase() == SourcePhase.SYNCED
                        && sha.equals(r.value().revision()),
                WAIT)
            .value();
    assertThat(status.resourceCount()).isEqualTo(3);
    assertThat(status.message()).contains("3 files could not be rendered");
  }

  @Test
  void manifestRemovedWhileStoppedBecomesATombstoneOnRestart() {
    repo.write("deploy/web.yaml", deployment("web", 1))
        .write("deploy/config.yaml", configMap("settings", "a"))
        .commit("first");
    GitIngest first = ingest(source(sourceId, origin));
    first.pollOnce();
    first.close();

    repo.delete("deploy/config.yaml").commit("removed while stopped");
    PollSummary summary = ingest(source(sourceId, origin)).pollOnce();

    assertThat(summary.source(sourceId).tombstoned()).isEqualTo(1);
    assertThat(summary.source(sourceId).published())
        .as("the unchanged Deployment is not republished")
        .isZero();
    List<ConsumerRecord<ResourceKey, DesiredState>> records =
        desiredOfThisTest(probe(Topics.DESIRED_STATE));
    assertThat(records.stream().filter(r -> r.key().equals(deploymentKey("web")))).hasSize(1);
    assertThat(records.stream().filter(r -> r.key().equals(configMapKey("settings"))))
        .extracting(ConsumerRecord::value)
        .last()
        .isNull();
  }

  @Test
  void failingSourceReportsFailedAndDoesNotStopTheOthers() {
    String sha = repo.write("deploy/web.yaml", deployment("web", 1)).commit("first");
    String brokenId = sourceId + "-broken";
    GitIngest ingest =
        ingest(source(brokenId, origin.resolve("missing")), source(sourceId, origin));

    PollSummary summary = ingest.pollOnce();

    assertThat(summary.source(brokenId).failure()).contains("the repository does not exist");
    assertThat(summary.source(sourceId).commit()).isEqualTo(sha);
    assertThat(summary.source(sourceId).failed()).isFalse();
    SourceStatus failed =
        probe(Topics.SOURCE_STATUS)
            .await(r -> r.key().equals(SourceStatus.gitSource(brokenId)), WAIT)
            .value();
    assertThat(failed.phase()).isEqualTo(SourcePhase.FAILED);
    assertThat(failed.message()).contains("Source '" + brokenId + "'").contains("ref main");
    probe(Topics.DESIRED_STATE).await(r -> deploymentKey("web").equals(r.key()), WAIT);
  }

  @Test
  void missingPathFailsTheSourceAndKeepsWhatItPublished() {
    repo.write("deploy/web.yaml", deployment("web", 1)).write("README.md", "x").commit("first");
    GitIngest ingest = ingest(source(sourceId, origin));
    ingest.pollOnce();

    String sha = repo.delete("deploy/web.yaml").commit("path gone");
    PollSummary summary = ingest.pollOnce();

    assertThat(summary.source(sourceId).failure())
        .isEqualTo(
            "Source '"
                + sourceId
                + "': path 'deploy' is not a directory at commit "
                + sha
                + " (check the source's path; the previously published objects are kept)"
                + " [failed 1 time; next attempt in 10s]");
    assertThat(desiredOfThisTest(probe(Topics.DESIRED_STATE)))
        .extracting(ConsumerRecord::value)
        .doesNotContainNull();
    SourceStatus last =
        probe(Topics.SOURCE_STATUS).drain(QUIET).stream()
            .filter(r -> r.key().equals(SourceStatus.gitSource(sourceId)))
            .reduce((a, b) -> b)
            .orElseThrow()
            .value();
    assertThat(last.phase()).isEqualTo(SourcePhase.FAILED);
    assertThat(last.revision()).isEqualTo(sha);
    assertThat(last.resourceCount()).isEqualTo(1);
  }

  @Test
  void aKustomizationIsBuiltAndABrokenBuildTombstonesNothing() {
    repo.write("deploy/web.yaml", deployment("web", 1))
        .write("deploy/kustomization.yaml", "resources: [web.yaml]\nnamePrefix: prod-\n")
        .commit("kustomize web");
    GitIngest ingest = ingest(source(sourceId, origin));
    ingest.pollOnce();
    probe(Topics.DESIRED_STATE).await(r -> deploymentKey("prod-web").equals(r.key()), WAIT);

    String sha =
        repo.write(
                "deploy/kustomization.yaml",
                "resources: [web.yaml, gone.yaml]\nnamePrefix: prod-\n")
            .commit("reference a file that does not exist");
    PollSummary summary = ingest.pollOnce();

    assertThat(summary.source(sourceId).failure())
        .contains("deploy/kustomization.yaml")
        .contains("gone.yaml")
        .contains("the previously published objects are kept");
    assertThat(desiredOfThisTest(probe(Topics.DESIRED_STATE)))
        .extracting(ConsumerRecord::value)
        .doesNotContainNull();
    SourceStatus last =
        probe(Topics.SOURCE_STATUS).drain(QUIET).stream()
            .filter(r -> r.key().equals(SourceStatus.gitSource(sourceId)))
            .reduce((a, b) -> b)
            .orElseThrow()
            .value();
    assertThat(last.phase()).isEqualTo(SourcePhase.FAILED);
    assertThat(last.revision()).isEqualTo(sha);
  }

  @Test
  void startedComponentPollsOnItsOwnAndPicksUpNewCommits() {
    repo.write("deploy/web.yaml", deployment("web", 1)).commit("first");
    GitIngest ingest = ingest(source(sourceId, origin));
    ingest.start();
    TopicProbe<ResourceKey, DesiredState> desired = probe(Topics.DESIRED_STATE);
    desired.await(r -> deploymentKey("web").equals(r.key()), WAIT);

    String second = repo.write("deploy/web.yaml", deployment("web", 5)).commit("scale");

    desired.await(
        r -> deploymentKey("web").equals(r.key()) && r.value().commit().equals(second), WAIT);
    assertThat(ingest.healthy()).isTrue();
  }
}
