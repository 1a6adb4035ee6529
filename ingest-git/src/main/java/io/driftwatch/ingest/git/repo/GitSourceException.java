package io.driftwatch.ingest.git.repo;

/**
 * A source's repository could not be fetched, or its ref or path could not be resolved. The message
 * names the source id, the repository (credentials removed) and the ref; {@link #reason()} says
 * which kind of problem it is, for metrics and backoff.
 */
public final class GitSourceException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong, coarsely: the {@code reason} label of the fetch-failure metric. */
  public enum Reason {
    /** The server refused the credentials, or none were configured for a private repository. */
    AUTH,
    /** The repository could not be reached: DNS, connection, TLS, timeout, a missing local path. */
    UNREACHABLE,
    /** The ref names no branch, tag or fetched commit (for example after a force-push). */
    REF,
    /** The commit could be fetched but not rendered: the path is missing or the build failed. */
    RENDER,
    /** Anything else the Git library reported. */
    OTHER
  }

  private final Reason reason;

  public GitSourceException(String message) {
    this(Reason.OTHER, message, null);
  }

  public GitSourceException(String message, Throwable cause) {
    this(Reason.OTHER, message, cause);
  }

  public GitSourceException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
