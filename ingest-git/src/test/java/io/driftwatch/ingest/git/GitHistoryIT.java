package io.driftwatch.ingest.git;

import static io.driftwatch.ingest.git.GitFixture.configMap;
import static io.driftwatch.ingest.git.GitFixture.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.CommitRecord;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source's branch goes through the history a real repository has: adds, edits, renames (of a
 * file, and of an object), deletes, a merge from a feature branch, a force-push to a commit that
 * does not descend from the last one synced, and a pinned commit that a force-push removes. Each
 * step is checked on the topics, as drift-stream and users see it.
 */
class GitHistoryIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration QUIET = Duration.ofSeconds(1);
  private static final SecretRedactor REDACTOR =
      new SecretRedactor("integration-test-hmac-key-0123".getBytes(StandardCharsets.UTF_8));

  @TempDir Path origin;
  @TempDir Path work;

  private String sourceId;
  private String cluster;
  private GitFixture repo;
  private TopicProbe<ResourceKey, DesiredState> desired;
  private TopicProbe<String, SourceStatus> statuses;
  private TopicProbe<String, CommitRecord> commits;
  private int desiredSeen;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeAll
  static void createTopics() {
    TestTopics.ensureAll();
  }

  @BeforeEach
  void uniqueSource() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    sourceId = "history-" + suffix;
    cluster = "cluster-" + suffix;
    repo = GitFixture.create(origin);
    desired = probe(Topics.DESIRED_STATE);
    statuses = probe(Topics.SOURCE_STATUS);
    commits = probe(Topics.COMMITS);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : closeables) {
      closeable.close();
    }
    repo.close();
  }

  @Test
  void addsEditsRenamesAndDeletesPublishOnlyWhatChangedAndTombstoneOnlyWhatIsGone() {
    GitIngest ingest = ingest("main");

    String added =
        repo.write("deploy/web.yaml", deployment("web", 1))
            .write("deploy/settings.yaml", configMap("settings", "a"))
            .write("deploy/flags.yaml", configMap("flags", "on"))
            .commit("add web, settings and flags");
    assertThat(sync(ingest, added))
        .containsOnlyKeys(deploymentKey("web"), configMapKey("settings"), configMapKey("flags"));

    String edited = repo.write("deploy/web.yaml", deployment("web", 3)).commit("scale web");
    Map<ResourceKey, DesiredState> edit = sync(ingest, edited);
    assertThat(edit).containsOnlyKeys(deploymentKey("web"));
    assertThat(edit.get(deploymentKey("web")).manifest().at("/spec/replicas").asInt()).isEqualTo(3);

    // The same object in another file: the key is the same, so at most an upsert naming the new
    // path, never a tombstone.
    String moved =
        repo.move("deploy/settings.yaml", "deploy/config/settings.yaml").commit("move settings");
    Map<ResourceKey, DesiredState> move = sync(ingest, moved);
    assertThat(move).containsOnlyKeys(configMapKey("settings"));
    assertThat(move.get(configMapKey("settings"))).isNotNull();
    assertThat(move.get(configMapKey("settings")).path()).isEqualTo("deploy/config/settings.yaml");
    assertThat(move.get(configMapKey("settings")).commit()).isEqualTo(moved);

    // A rename that changes the object's name: the old object is gone, a new one appears.
    String renamed =
        repo.delete("deploy/flags.yaml")
            .write("deploy/feature-flags.yaml", configMap("feature-flags", "on"))
            .commit("rename flags to feature-flags");
    Map<ResourceKey, DesiredState> rename = sync(ingest, renamed);
    assertThat(rename).containsOnlyKeys(configMapKey("flags"), configMapKey("feature-flags"));
    assertThat(rename.get(configMapKey("flags"))).as("tombstone").isNull();
    assertThat(rename.get(configMapKey("feature-flags")).path())
        .isEqualTo("deploy/feature-flags.yaml");

    String deleted = repo.delete("deploy/web.yaml").commit("remove web");
    Map<ResourceKey, DesiredState> delete = sync(ingest, deleted);
    assertThat(delete).containsOnlyKeys(deploymentKey("web"));
    assertThat(delete.get(deploymentKey("web"))).as("tombstone").isNull();

    assertThat(commitRecord(deleted).parents()).containsExactly(renamed);
    assertThat(statusOf(deleted).resourceCount()).isEqualTo(2);
  }

  @Test
  void aMergeCommitPublishesTheMergedStateAndItsRecordListsBothParents() {
    GitIngest ingest = ingest("main");
    String base =
        repo.write("deploy/web.yaml", deployment("web", 1))
            .write("deploy/settings.yaml", configMap("settings", "a"))
            .commit("base");
    sync(ingest, base);

    String feature =
        repo.checkoutNewBranch("feature")
            .write("deploy/flags.yaml", configMap("flags", "on"))
            .write("deploy/settings.yaml", configMap("settings", "b"))
            .commit("feature: flags and settings b");
    repo.checkout("main");
    String mainline = repo.write("deploy/web.yaml", deployment("web", 2)).commit("scale web");
    assertThat(sync(ingest, mainline))
        .as("the feature branch is not the source's ref")
        .containsOnlyKeys(deploymentKey("web"));

    String merge = repo.merge("feature", "Merge branch 'feature'");
    Map<ResourceKey, DesiredState> merged = sync(ingest, merge);

    assertThat(merged).containsOnlyKeys(configMapKey("flags"), configMapKey("settings"));
    assertThat(merged.get(configMapKey("settings")).manifest().at("/data/key").asText())
        .isEqualTo("b");
    assertThat(merged.get(configMapKey("flags")).commit()).isEqualTo(merge);
    CommitRecord record = commitRecord(merge);
    assertThat(record.parents()).containsExactly(mainline, feature);
    assertThat(record.subject()).isEqualTo("Merge branch 'feature'");
    assertThat(statusOf(merge).resourceCount()).isEqualTo(3);
  }

  @Test
  void aForcePushPublishesTheNewTipAndTombstonesWhatOnlyTheAbandonedHistoryDeclared()
      throws Exception {
    GitIngest ingest = ingest("main");
    String base =
        repo.write("deploy/web.yaml", deployment("web", 1))
            .write("deploy/settings.yaml", configMap("settings", "a"))
            .commit("base");
    sync(ingest, base);
    String abandoned =
        repo.write("deploy/experiment.yaml", configMap("experiment", "x"))
            .write("deploy/web.yaml", deployment("web", 5))
            .commit("experiment");
    sync(ingest, abandoned);

    String rewritten =
        repo.resetHard(base)
            .write("deploy/settings.yaml", configMap("settings", "c"))
            .commit("rewritten history");
    Map<ResourceKey, DesiredState> forced = new java.util.HashMap<>();
    String log = CapturedStderr.of(() -> forced.putAll(sync(ingest, rewritten)));

    assertThat(log)
        .contains(
            "ref main moved from "
                + abandoned
                + " to "
                + rewritten
                + ", which does not contain it");
    assertThat(forced)
        .containsOnlyKeys(
            configMapKey("experiment"), deploymentKey("web"), configMapKey("settings"));
    assertThat(forced.get(configMapKey("experiment"))).as("only in the abandoned history").isNull();
    assertThat(forced.get(deploymentKey("web")).manifest().at("/spec/replicas").asInt())
        .as("back to what the new tip declares")
        .isEqualTo(1);
    assertThat(forced.get(configMapKey("settings")).manifest().at("/data/key").asText())
        .isEqualTo("c");
    assertThat(commitRecord(rewritten).parents()).containsExactly(base);
    assertThat(statusOf(rewritten).resourceCount()).isEqualTo(2);
  }

  @Test
  void aPinnedCommitThatAForcePushRemovedFailsTheSourceAndKeepsWhatItPublished() {
    String base = repo.write("deploy/web.yaml", deployment("web", 1)).commit("base");
    String pinned =
        repo.write("deploy/settings.yaml", configMap("settings", "a")).commit("pinned release");
    GitIngest ingest = ingest(pinned);
    assertThat(sync(ingest, pinned))
        .containsOnlyKeys(deploymentKey("web"), configMapKey("settings"));

    repo.resetHard(base).write("deploy/web.yaml", deployment("web", 9)).commit("rewritten");
    ingest.pollOnce();

    SourceStatus failed =
        statuses
            .await(
                r ->
                    r.key().equals(SourceStatus.gitSource(sourceId))
                        && r.value().phase() == SourcePhase.FAILED,
                WAIT)
            .value();
    assertThat(failed.message())
        .contains("Source '" + sourceId + "'")
        .contains("commit " + pinned + " is no longer on any branch or tag")
        .contains("force-push");
    assertThat(newDesiredRecords()).as("nothing republished, nothing tombstoned").isEmpty();
  }

  /** Polls once and returns what the poll published for this test's cluster: key → value. */
  private Map<ResourceKey, DesiredState> sync(GitIngest ingest, String sha) {
    ingest.pollOnce();
    statusOf(sha);
    Map<ResourceKey, DesiredState> published = new LinkedHashMap<>();
    for (ConsumerRecord<ResourceKey, DesiredState> record : newDesiredRecords()) {
      assertThat(published).as("one record per key and commit").doesNotContainKey(record.key());
      published.put(record.key(), record.value());
    }
    return published;
  }

  private List<ConsumerRecord<ResourceKey, DesiredState>> newDesiredRecords() {
    List<ConsumerRecord<ResourceKey, DesiredState>> all =
        desired.drain(QUIET).stream().filter(r -> r.key().cluster().equals(cluster)).toList();
    List<ConsumerRecord<ResourceKey, DesiredState>> fresh = all.subList(desiredSeen, all.size());
    desiredSeen = all.size();
    return fresh;
  }

  private SourceStatus statusOf(String sha) {
    return statuses
        .await(
            r ->
                r.key().equals(SourceStatus.gitSource(sourceId))
                    && r.value().phase() == SourcePhase.SYNCED
                    && sha.equals(r.value().revision()),
            WAIT)
        .value();
  }

  private CommitRecord commitRecord(String sha) {
    return commits.await(r -> CommitRecord.key(sourceId, sha).equals(r.key()), WAIT).value();
  }

  private GitIngest ingest(String ref) {
    GitIngest ingest =
        new GitIngest(
            new GitIngestConfig(
                List.of(
                    new GitSourceConfig(
                        sourceId,
                        origin.toString(),
                        ref,
                        "deploy",
                        cluster,
                        "apps",
                        Duration.ofMinutes(10),
                        null)),
                work),
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
}
