package io.driftwatch.ingest.git.render.kustomize.generate;

/**
 * A generator entry cannot be built; the message names the entry and the problem, never a value.
 */
public final class GeneratorException extends Exception {

  public GeneratorException(String message) {
    super(message);
  }
}
