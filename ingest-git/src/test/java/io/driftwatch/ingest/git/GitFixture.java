package io.driftwatch.ingest.git;

import io.driftwatch.ingest.git.render.SourceTree;
import io.driftwatch.ingest.git.repo.GitCommitTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
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
