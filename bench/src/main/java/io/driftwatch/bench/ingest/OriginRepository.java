package io.driftwatch.bench.ingest;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The repository the harness commits the generated fleet to: a real Git repository with a working
 * tree, written with JGit, that ingest-git fetches from as it would from a remote.
 */
final class OriginRepository implements AutoCloseable {

  private static final PersonIdent AUTHOR = new PersonIdent("Bench", "bench@driftwatch.io");

  private final Git git;

  private OriginRepository(Git git) {
    this.git = git;
  }

  /** A new repository in {@code directory} whose first branch is {@code main}. */
  static OriginRepository init(Path directory) throws GitAPIException {
    return new OriginRepository(
        Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call());
  }

  /** Stages every change in the working tree and commits it; returns the commit's sha. */
  String commitAll(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).call().name();
  }

  @Override
  public void close() {
    git.close();
  }
}
