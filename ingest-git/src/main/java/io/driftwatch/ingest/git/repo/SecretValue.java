package io.driftwatch.ingest.git.repo;

import java.util.Objects;

/**
 * A password, token or key passphrase. Its {@link #toString()} never shows the value, so a record,
 * a log line or an exception message that includes it by accident shows {@code ***} instead.
 */
public final class SecretValue {

  private final String value;

  private SecretValue(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static SecretValue of(String value) {
    return new SecretValue(value);
  }

  /** The secret itself, only to hand it to the Git or SSH library that sends it. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return "***";
  }
}
