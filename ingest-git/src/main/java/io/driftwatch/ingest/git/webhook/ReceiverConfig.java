package io.driftwatch.ingest.git.webhook;

import java.nio.file.Path;
import java.util.List;

/**
 * One webhook receiver: {@code POST /hooks/<name>}, authenticated as {@code type} says with the
 * secret in {@code secretFile} (read on every call, so a rotated Secret mount takes effect at
 * once), polling {@code sources} or, when that is empty, every source.
 */
public record ReceiverConfig(
    String name, ReceiverType type, Path secretFile, List<String> sources) {

  public ReceiverConfig {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** The path the Git host must call. */
  public String path() {
    return WebhookHandler.PREFIX + name;
  }
}
