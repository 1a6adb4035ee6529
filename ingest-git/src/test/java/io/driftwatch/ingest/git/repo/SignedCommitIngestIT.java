package io.driftwatch.ingest.git.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.git.GitFixture;
import io.driftwatch.ingest.git.GitIngest;
import io.driftwatch.ingest.git.GitIngestConfig;
import io.driftwatch.ingest.git.GitSourceConfig;
import io.driftwatch.ingest.git.TestTopics;
import io.driftwatch.model.CommitRecord;
import io.driftwatch.model.CommitSignature;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.secret.SecretRedactor;
import io.driftwatch.model.topic.Topic;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TestKafka;
import io.driftwatch.testkit.TopicProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature status a user sees on the topics: a commit signed by a configured OpenPGP key is
 * published VERIFIED, on its commit record and on the desired state rendered from it.
 */
class SignedCommitIngestIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path origin;
  @TempDir Path work;
  @TempDir Path keys;

  @BeforeAll
  static void createTopics() {
    TestTopics.ensureAll();
  }

  @Test
  void aCommitSignedByAConfiguredKeyIsPublishedVerified() throws Exception {
    String id = "signed-" + UUID.randomUUID().toString().substring(0, 8);
    TestSigners.OpenPgpKey release = TestSigners.OpenPgpKey.generate("Release <rel@example.com>");
    Path publicKey = release.exportPublicKey(keys.resolve("release.asc"));
    String sha;
    try (GitFixture fixture = GitFixture.create(origin);
        Git git = Git.open(origin.toFile())) {
      fixture.write("deploy/cm.yaml", GitFixture.configMap("settings", "1")).commit("unsigned");
      sha = SignedCommits.commitOnMain(git.getRepository(), "signed release", release, null);
    }
    GitSourceConfig source =
        new GitSourceConfig(
            id, origin.toString(), "main", "deploy", id, "apps", Duration.ofHours(1), null);
    SignatureKeys trusted = new SignatureKeys(Optional.of(publicKey), Optional.empty());

    try (GitIngest ingest =
            new GitIngest(
                new GitIngestConfig(List.of(source), work, null, null, trusted),
                KafkaSettings.of(TestKafka.bootstrapServers()),
                SecretRedactor.withRandomKey());
        TopicProbe<String, CommitRecord> commits = probe(Topics.COMMITS);
        TopicProbe<ResourceKey, DesiredState> desired = probe(Topics.DESIRED_STATE)) {
      assertThat(ingest.pollOnce().source(id).commit()).isEqualTo(sha);

      CommitRecord record =
          commits.await(r -> r.key().equals(CommitRecord.key(id, sha)), WAIT).value();
      DesiredState state = desired.await(r -> r.key().cluster().equals(id), WAIT).value();
      assertThat(record.signature()).isEqualTo(CommitSignature.VERIFIED);
      assertThat(state.signature()).isEqualTo(CommitSignature.VERIFIED);
      assertThat(state.commit()).isEqualTo(sha);
    }
  }

  private static <K, V> TopicProbe<K, V> probe(Topic<K, V> topic) {
    return TopicProbe.open(
        TestKafka.bootstrapServers(),
        topic.name(),
        topic.keySerde().deserializer(),
        topic.valueSerde().deserializer());
  }
}
