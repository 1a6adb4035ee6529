package io.driftwatch.ingest.git.render;

/**
 * A YAML file could not be parsed or broke a {@link YamlLimits} bound. The message gives the
 * problem and its line and column, never the offending text.
 */
public final class YamlReadException extends Exception {

  private static final long serialVersionUID = 1L;

  public YamlReadException(String message) {
    super(message);
  }
}
