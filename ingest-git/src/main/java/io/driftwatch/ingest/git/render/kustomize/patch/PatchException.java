package io.driftwatch.ingest.git.render.kustomize.patch;

/** A patch cannot be applied; the message says which patch and why, without quoting values. */
public final class PatchException extends Exception {

  public PatchException(String message) {
    super(message);
  }

  public PatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
