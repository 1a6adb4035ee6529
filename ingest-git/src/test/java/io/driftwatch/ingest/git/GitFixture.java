package io.driftwatch.ingest.git;

import io.driftwatch.ingest.git.render.SourceTree;
import io.driftwatch.ingest.git.repo.GitCommitTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** A real Git repository with a working tree, made with JGit, that tests commit manifests to. */
public final class GitFixture implements AutoCloseable {

  private final Path directory;
  private final Git git;

  private GitFixture(Path directory, Git git) {
    this.directory = directory;
    this.git = git;
  }

  /** A new repository whose first branch is {@code main}. */
  public static GitFixture create(Path directory) {
    try {
      return new GitFixture(
          directory, Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call());
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path directory() {
    return directory;
  }

  public GitFixture write(String path, String content) {
    try {
      Path file = directory.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes raw bytes, for content that is not UTF-8. */
  public GitFixture writeBytes(String path, byte[] content) {
    try {
      Path file = directory.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return this;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public GitFixture delete(String path) {
    try {
      Files.delete(directory.resolve(path));
      return this;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stages every change (additions and deletions) and commits; returns the full sha. */
  public String commit(String message) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      PersonIdent who = new PersonIdent("Test", "test@example.com");
      RevCommit commit = git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
      return commit.name();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public GitFixture checkoutNewBranch(String name) {
    try {
      git.checkout().setCreateBranch(true).setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public GitFixture checkout(String name) {
    try {
      git.checkout().setName(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Renames a file in the working tree (the next commit records it as a delete and an add). */
  public GitFixture move(String from, String to) {
    try {
      Path target = directory.resolve(to);
      Files.createDirectories(target.getParent());
      Files.move(directory.resolve(from), target);
      return this;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Merges {@code branch} into the current branch with a merge commit even when a fast-forward
   * would do, as a pull request merge does; returns the merge commit's sha.
   */
  public String merge(String branch, String message) {
    try {
      MergeResult result =
          git.merge()
              .include(git.getRepository().resolve(branch))
              .setFastForward(MergeCommand.FastForwardMode.NO_FF)
              .setMessage(message)
              .call();
      if (!result.getMergeStatus().isSuccessful() || result.getNewHead() == null) {
        throw new IllegalStateException("merge of " + branch + " failed: " + result);
      }
      return result.getNewHead().name();
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Points the current branch at {@code sha} and resets the working tree to it: with a commit after
   * it, this is what a force-push to the branch leaves behind.
   */
  public GitFixture resetHard(String sha) {
    try {
      git.reset().setMode(ResetCommand.ResetType.HARD).setRef(sha).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deletes a branch that is not checked out, whether merged or not. */
  public GitFixture deleteBranch(String name) {
    try {
      git.branchDelete().setBranchNames(name).setForce(true).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public GitFixture annotatedTag(String name) {
    try {
      git.tag().setName(name).setAnnotated(true).setMessage(name).call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The files of a commit of this repository, read as ingest-git reads them. */
  public SourceTree tree(String sha) {
    try (RevWalk walk = new RevWalk(git.getRepository())) {
      return new GitCommitTree(
          git.getRepository(), walk.parseCommit(ObjectId.fromString(sha)).getTree());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    git.close();
  }

  /** A Deployment manifest with the given name and replica count, without a namespace. */
  public static String deployment(String name, int replicas) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
        spec:
          replicas: %d
          selector:
            matchLabels: {app: %s}
          template:
            metadata:
              labels: {app: %s}
            spec:
              containers:
                - name: app
                  image: nginx:1.27
        """
        .formatted(name, replicas, name, name);
  }

  public static String configMap(String name, String value) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: %s
        data:
          key: "%s"
        """
        .formatted(name, value);
  }
}
