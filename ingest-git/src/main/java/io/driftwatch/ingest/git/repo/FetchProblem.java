package io.driftwatch.ingest.git.repo;

/**
 * Why one fetch failed, before {@link RepositoryMirror} names the source, repository and ref: the
 * reason for metrics and backoff, and the problem with its fix. The message never holds a secret.
 */
final class FetchProblem extends Exception {

  private static final long serialVersionUID = 1L;

  private final GitSourceException.Reason reason;

  FetchProblem(GitSourceException.Reason reason, String problem) {
    this(reason, problem, null);
  }

  FetchProblem(GitSourceException.Reason reason, String problem, Throwable cause) {
    super(problem, cause);
    this.reason = reason;
  }

  GitSourceException.Reason reason() {
    return reason;
  }
}
