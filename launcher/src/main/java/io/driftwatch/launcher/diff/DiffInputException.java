package io.driftwatch.launcher.diff;

/**
 * An input of {@code driftwatch diff} cannot be used: a missing or oversized file, invalid YAML or
 * JSON, a document that is not a Kubernetes object, two documents with one identity, a bad rules
 * file. The message names the file (and the document or line where known) and never quotes the
 * offending content.
 */
public final class DiffInputException extends Exception {

  private static final long serialVersionUID = 1L;

  public DiffInputException(String message) {
    super(message);
  }
}
