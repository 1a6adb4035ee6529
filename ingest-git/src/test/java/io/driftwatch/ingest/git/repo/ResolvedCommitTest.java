package io.driftwatch.ingest.git.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.git.GitFixture;
import io.driftwatch.model.CommitSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolvedCommitTest {

  private static final PersonIdent AUTHOR =
      new PersonIdent(
          "Ada Lovelace", "ada@example.com", Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
  private static final PersonIdent COMMITTER =
      new PersonIdent(
          "CI Bot", "ci@example.com", Instant.parse("2026-11-21T12:30:00Z"), ZoneOffset.UTC);
  private static final String SIGNATURE =
      "-----BEGIN PGP SIGNATURE-----\n\niQEzBAABCAAdFiEEexample\n=abcd\n-----END PGP SIGNATURE-----";

  @TempDir Path origin;
  @TempDir Path work;

  @Test
  void unsignedCommitCarriesItsAuthorSubjectCommitterTimeAndParent() throws Exception {
    try (GitFixture fixture = GitFixture.create(origin)) {
      String first = fixture.write("a.yaml", GitFixture.configMap("a", "1")).commit("first");
      String second;
      try (Git git = Git.open(origin.toFile())) {
        second = commitOnMain(git.getRepository(), "scale web to 3\n\nbecause of load\n", null);
      }

      ResolvedCommit resolved = fetch();

      assertThat(resolved.sha()).isEqualTo(second);
      assertThat(resolved.author()).isEqualTo("Ada Lovelace <ada@example.com>");
      assertThat(resolved.subject()).isEqualTo("scale web to 3");
      assertThat(resolved.commitTime()).isEqualTo(Instant.parse("2026-11-21T12:30:00Z"));
      assertThat(resolved.signature()).isEqualTo(CommitSignature.UNSIGNED);
      assertThat(resolved.parents()).containsExactly(first);
    }
  }

  @Test
  void commitWithAGpgsigHeaderIsSigned() throws Exception {
    try (GitFixture fixture = GitFixture.create(origin)) {
      fixture.write("a.yaml", GitFixture.configMap("a", "1")).commit("first");
      String signed;
      try (Git git = Git.open(origin.toFile())) {
        signed = commitOnMain(git.getRepository(), "signed change", SIGNATURE);
      }

      ResolvedCommit resolved = fetch();

      assertThat(resolved.sha()).isEqualTo(signed);
      assertThat(resolved.signature()).isEqualTo(CommitSignature.SIGNED);
      assertThat(resolved.subject()).isEqualTo("signed change");
    }
  }

  @Test
  void rootCommitHasNoParents() throws Exception {
    try (GitFixture fixture = GitFixture.create(origin)) {
      String root = fixture.write("a.yaml", GitFixture.configMap("a", "1")).commit("root");
      try (Git git = Git.open(origin.toFile());
          RevWalk walk = new RevWalk(git.getRepository())) {
        RevCommit commit = walk.parseCommit(ObjectId.fromString(root));

        ResolvedCommit resolved = ResolvedCommit.of(commit);

        assertThat(resolved.parents()).isEmpty();
        assertThat(resolved.author()).isEqualTo("Test <test@example.com>");
      }
    }
  }

  private ResolvedCommit fetch() throws GitSourceException {
    try (RepositoryMirror mirror = new RepositoryMirror("src", origin.toString(), "main", work)) {
      return mirror.fetch();
    }
  }

  /** Commits main's tree again on top of main, by AUTHOR and COMMITTER, optionally signed. */
  private static String commitOnMain(Repository repository, String message, String gpgsig)
      throws Exception {
    ObjectId head = repository.resolve("refs/heads/main");
    try (RevWalk walk = new RevWalk(repository);
        ObjectInserter inserter = repository.newObjectInserter()) {
      RevCommit parent = walk.parseCommit(head);
      CommitBuilder builder = new CommitBuilder();
      builder.setTreeId(parent.getTree());
      builder.setParentId(parent);
      builder.setAuthor(AUTHOR);
      builder.setCommitter(COMMITTER);
      builder.setMessage(message);
      if (gpgsig != null) {
        builder.setGpgSignature(new GpgSignature(gpgsig.getBytes(StandardCharsets.US_ASCII)));
      }
      ObjectId id = inserter.insert(builder);
      inserter.flush();
      RefUpdate update = repository.updateRef(Constants.R_HEADS + "main");
      update.setNewObjectId(id);
      update.setExpectedOldObjectId(head);
      assertThat(update.update()).isIn(RefUpdate.Result.FAST_FORWARD, RefUpdate.Result.FORCED);
      return id.name();
    }
  }
}
