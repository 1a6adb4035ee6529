package io.driftwatch.ingest.git.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.ingest.git.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryMirrorTest {

  @TempDir Path origin;
  @TempDir Path work;

  @Test
  void branchRefFollowsNewCommitsOnEachFetch() throws Exception {
    try (GitFixture repo = GitFixture.create(origin);
        RepositoryMirror mirror = new RepositoryMirror("src", origin.toString(), "main", work)) {
      String first = repo.write("a.yaml", GitFixture.configMap("a", "1")).commit("first");

      ResolvedCommit resolved = mirror.fetch();
      assertThat(resolved.sha()).isEqualTo(first);
      assertThat(resolved.commitTime()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
      assertThat(Files.isDirectory(work.resolve("src.git"))).isTrue();
      assertThat(Files.exists(work.resolve("src.git/HEAD"))).isTrue();

      String second = repo.write("a.yaml", GitFixture.configMap("a", "2")).commit("second");
      assertThat(mirror.fetch().sha()).isEqualTo(second);
      assertThat(mirror.tree(mirror.fetch()).files("")).containsExactly("a.yaml");
    }
  }

  @Test
  void fullShaRefStaysOnThatCommitWhileTheBranchMoves() throws Exception {
    try (GitFixture repo = GitFixture.create(origin)) {
      String pinned = repo.write("a.yaml", GitFixture.configMap("a", "1")).commit("pinned");
      repo.write("a.yaml", GitFixture.configMap("a", "2")).commit("later");

      try (RepositoryMirror mirror =
          new RepositoryMirror("pinned", "file://" + origin, pinned, work)) {
        assertThat(mirror.fetch().sha()).isEqualTo(pinned);
        byte[] content = mirror.tree(mirror.fetch()).read("a.yaml", 10_000);
        assertThat(new String(content)).contains("\"1\"");
      }
    }
  }

  @Test
  void tagAndOtherBranchRefsResolve() throws Exception {
    try (GitFixture repo = GitFixture.create(origin)) {
      String tagged = repo.write("a.yaml", GitFixture.configMap("a", "1")).commit("release");
      repo.annotatedTag("v1.0.0");
      String onBranch =
          repo.checkoutNewBranch("staging")
              .write("b.yaml", GitFixture.configMap("b", "1"))
              .commit("staging");

      try (RepositoryMirror byTag = new RepositoryMirror("t", origin.toString(), "v1.0.0", work);
          RepositoryMirror byBranch =
              new RepositoryMirror("b", origin.toString(), "staging", work)) {
        assertThat(byTag.fetch().sha()).isEqualTo(tagged);
        assertThat(byBranch.fetch().sha()).isEqualTo(onBranch);
      }
    }
  }

  @Test
  void unknownRefIsAnErrorNamingSourceRepositoryAndRef() throws Exception {
    try (GitFixture repo = GitFixture.create(origin);
        RepositoryMirror mirror =
            new RepositoryMirror("shop-prod", origin.toString(), "no-such-branch", work)) {
      repo.write("a.yaml", GitFixture.configMap("a", "1")).commit("first");

      assertThatThrownBy(mirror::fetch)
          .isInstanceOf(GitSourceException.class)
          .hasMessageContaining("Source 'shop-prod'")
          .hasMessageContaining(origin.toString())
          .hasMessageContaining("ref no-such-branch")
          .hasMessageContaining("is not a branch or tag")
          .extracting(e -> ((GitSourceException) e).reason())
          .isEqualTo(GitSourceException.Reason.REF);
    }
  }

  @Test
  void unknownShaIsAnErrorSayingTheCommitIsMissing() throws Exception {
    try (GitFixture repo = GitFixture.create(origin);
        RepositoryMirror mirror =
            new RepositoryMirror(
                "s", origin.toString(), "0123456789abcdef0123456789abcdef01234567", work)) {
      repo.write("a.yaml", GitFixture.configMap("a", "1")).commit("first");

      assertThatThrownBy(mirror::fetch)
          .isInstanceOf(GitSourceException.class)
          .hasMessageContaining(
              "commit 0123456789abcdef0123456789abcdef01234567 is not in the repository");
    }
  }

  @Test
  void missingRepositoryIsAClearError() {
    Path missing = origin.resolve("nope");
    try (RepositoryMirror mirror = new RepositoryMirror("gone", missing.toString(), "main", work)) {
      assertThatThrownBy(mirror::fetch)
          .isInstanceOf(GitSourceException.class)
          .hasMessage(
              "Source 'gone' (repository "
                  + missing
                  + ", ref main): the repository does not exist (no such directory "
                  + missing
                  + ")")
          .extracting(e -> ((GitSourceException) e).reason())
          .isEqualTo(GitSourceException.Reason.UNREACHABLE);
    }
  }

  @Test
  void directoryThatIsNotARepositoryIsAnErrorWithoutCredentials() throws Exception {
    Files.createDirectories(origin.resolve("plain"));
    try (RepositoryMirror mirror =
        new RepositoryMirror("plain", origin.resolve("plain").toString(), "main", work)) {
      assertThatThrownBy(mirror::fetch)
          .isInstanceOf(GitSourceException.class)
          .hasMessageStartingWith("Source 'plain' (repository ")
          .hasMessageContaining("cannot fetch the repository");
    }
  }

  private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
    return new org.assertj.core.data.TemporalUnitWithinOffset(
        duration.toSeconds(), java.time.temporal.ChronoUnit.SECONDS);
  }
}
