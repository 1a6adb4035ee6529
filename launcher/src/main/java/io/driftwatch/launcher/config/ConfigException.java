package io.driftwatch.launcher.config;

import java.util.List;

/** The configuration cannot be used; the message lists every problem with its key and the fix. */
public final class ConfigException extends RuntimeException {

  private final List<String> problems;

  public ConfigException(String source, List<String> problems) {
    super("Invalid configuration in " + source + ":\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, as {@code key: what is wrong; what to do}. */
  public List<String> problems() {
    return problems;
  }
}
