package io.driftwatch.ingest.git.repo;

/**
 * A source's repository could not be fetched, or its ref or path could not be resolved. The message
 * names the source id, the repository (credentials removed) and the ref.
 */
public final class GitSourceException extends Exception {

  private static final long serialVersionUID = 1L;

  public GitSourceException(String message) {
    super(message);
  }

  public GitSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
