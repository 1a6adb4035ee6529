package io.driftwatch.ingest.git.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.ingest.git.GitFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a mirror says about a history that is rewritten under it: merges and force-pushes. */
class RepositoryHistoryTest {

  @TempDir Path origin;
  @TempDir Path work;

  private GitFixture repo;

  @BeforeEach
  void create() {
    repo = GitFixture.create(origin);
  }

  @AfterEach
  void close() {
    repo.close();
  }

  @Test
  void earlierCommitsOfTheBranchAreAncestorsOfItsTip() throws Exception {
    String first = repo.write("a.yaml", GitFixture.configMap("a", "1")).commit("first");
    String second = repo.write("a.yaml", GitFixture.configMap("a", "2")).commit("second");
    try (RepositoryMirror mirror = new RepositoryMirror("s", origin.toString(), "main", work)) {
      mirror.fetch();

      assertThat(mirror.isAncestor(first, second)).isTrue();
      assertThat(mirror.isAncestor(second, second)).isTrue();
      assertThat(mirror.isAncestor(second, first)).isFalse();
    }
  }

  @Test
  void bothParentsOfAMergeAreAncestorsOfIt() throws Exception {
    repo.write("a.yaml", GitFixture.configMap("a", "1")).commit("first");
    String feature =
        repo.checkoutNewBranch("feature")
            .write("b.yaml", GitFixture.configMap("b", "1"))
            .commit("b");
    repo.checkout("main");
    String mainline = repo.write("c.yaml", GitFixture.configMap("c", "1")).commit("c");
    String merge = repo.merge("feature", "Merge feature");
    try (RepositoryMirror mirror = new RepositoryMirror("s", origin.toString(), "main", work)) {
      ResolvedCommit resolved = mirror.fetch();

      assertThat(resolved.sha()).isEqualTo(merge);
      assertThat(resolved.parents()).containsExactly(mainline, feature);
      assertThat(mirror.isAncestor(feature, merge)).isTrue();
      assertThat(mirror.isAncestor(mainline, merge)).isTrue();
    }
  }

  @Test
  void theTipAForcePushAbandonedIsNoAncestorOfTheNewTip() throws Exception {
    String base = repo.write("a.yaml", GitFixture.configMap("a", "1")).commit("base");
    String abandoned = repo.write("b.yaml", GitFixture.configMap("b", "1")).commit("abandoned");
    try (RepositoryMirror mirror = new RepositoryMirror("s", origin.toString(), "main", work)) {
      assertThat(mirror.fetch().sha()).isEqualTo(abandoned);

      String rewritten =
          repo.resetHard(base).write("c.yaml", GitFixture.configMap("c", "1")).commit("rewritten");
      assertThat(mirror.fetch().sha()).isEqualTo(rewritten);

      assertThat(mirror.isAncestor(abandoned, rewritten)).isFalse();
      assertThat(mirror.isAncestor(base, rewritten)).isTrue();
    }
  }

  @Test
  void aCommitTheMirrorNeverFetchedIsNoAncestor() throws Exception {
    String tip = repo.write("a.yaml", GitFixture.configMap("a", "1")).commit("first");
    try (RepositoryMirror mirror = new RepositoryMirror("s", origin.toString(), "main", work)) {
      mirror.fetch();

      assertThat(mirror.isAncestor("0123456789abcdef0123456789abcdef01234567", tip)).isFalse();
      assertThatThrownBy(() -> mirror.isAncestor("not-a-sha", tip))
          .isInstanceOf(GitSourceException.class)
          .hasMessageContaining("Source 's'")
          .hasMessageContaining("not a full commit sha");
    }
  }

  @Test
  void aPinnedCommitThatAForcePushRemovedFromTheHistoryIsARefFailure() throws Exception {
    String base = repo.write("a.yaml", GitFixture.configMap("a", "1")).commit("base");
    String pinned = repo.write("a.yaml", GitFixture.configMap("a", "2")).commit("pinned");
    try (RepositoryMirror mirror =
        new RepositoryMirror("pinned-src", origin.toString(), pinned, work)) {
      assertThat(mirror.fetch().sha()).isEqualTo(pinned);

      repo.resetHard(base).write("a.yaml", GitFixture.configMap("a", "3")).commit("rewritten");

      assertThatThrownBy(mirror::fetch)
          .isInstanceOfSatisfying(
              GitSourceException.class,
              e -> assertThat(e.reason()).isEqualTo(GitSourceException.Reason.REF))
          .hasMessageStartingWith("Source 'pinned-src' (repository " + origin + ", ref " + pinned)
          .hasMessageContaining("is no longer on any branch or tag")
          .hasMessageContaining("force-push");
    }
  }

  @Test
  void aPinnedCommitAnotherBranchOrATagStillHoldsKeepsResolving() throws Exception {
    String base = repo.write("a.yaml", GitFixture.configMap("a", "1")).commit("base");
    String pinned = repo.write("a.yaml", GitFixture.configMap("a", "2")).commit("pinned");
    repo.annotatedTag("v1");
    try (RepositoryMirror mirror = new RepositoryMirror("p", origin.toString(), pinned, work)) {
      mirror.fetch();
      repo.resetHard(base).write("a.yaml", GitFixture.configMap("a", "3")).commit("rewritten");

      assertThat(mirror.fetch().sha()).isEqualTo(pinned);
      assertThat(mirror.fetch().sha()).as("answered from the unchanged tips").isEqualTo(pinned);
    }
  }
}
