package io.driftwatch.ingest.git.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a secret comes from: a file, read again at every fetch so that a rotated Kubernetes Secret
 * mount takes effect without a restart, or an environment variable, read once by the launcher when
 * it loads the configuration. {@link #describe()} names the source for messages, never the value.
 */
public sealed interface SecretSource {

  /** The secret as it is now, without trailing line breaks (which {@code echo > file} adds). */
  SecretValue read() throws IOException;

  /** The configuration key and where it points, e.g. {@code passwordFile /run/secrets/token}. */
  String describe();

  /** A secret read from a file at every fetch. */
  record File(String key, Path path) implements SecretSource {
    public File {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(path, "path");
    }

    @Override
    public SecretValue read() throws IOException {
      return SecretValue.of(stripLineBreaks(Files.readString(path, StandardCharsets.UTF_8)));
    }

    @Override
    public String describe() {
      return key + " " + path;
    }
  }

  /** A secret the launcher read from an environment variable when it loaded the configuration. */
  record Env(String key, String variable, SecretValue value) implements SecretSource {
    public Env {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public SecretValue read() {
      return SecretValue.of(stripLineBreaks(value.reveal()));
    }

    @Override
    public String describe() {
      return key + " " + variable;
    }
  }

  private static String stripLineBreaks(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }
}
