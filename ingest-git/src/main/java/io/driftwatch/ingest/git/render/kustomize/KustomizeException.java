package io.driftwatch.ingest.git.render.kustomize;

/**
 * A kustomize build failed: the message names the kustomization file, the field and the entry at
 * fault and what is wrong, never a value from the files (they may hold Secrets).
 */
final class KustomizeException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String path;

  KustomizeException(String path, String message) {
    super(message);
    this.path = path;
  }

  /** The repository path of the kustomization (or file) the failure is reported for. */
  String path() {
    return path;
  }
}
