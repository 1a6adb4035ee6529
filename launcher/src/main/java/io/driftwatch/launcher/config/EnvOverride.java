package io.driftwatch.launcher.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The environment variables that override keys of the file, declared in one place. They are the
 * settings that differ per deployment (where Kafka is, which port, where state and keys live);
 * everything else belongs in the file.
 */
public enum EnvOverride {
  /** Overrides {@code kafka.bootstrapServers}. */
  KAFKA_BOOTSTRAP_SERVERS("DRIFTWATCH_KAFKA_BOOTSTRAP_SERVERS", "kafka", "bootstrapServers"),
  /** Overrides {@code http.port}. */
  HTTP_PORT("DRIFTWATCH_HTTP_PORT", "http", "port"),
  /** Overrides {@code dataDir}. */
  DATA_DIR("DRIFTWATCH_DATA_DIR", null, "dataDir"),
  /** Overrides {@code security.secretHmacKeyFile}. */
  SECRET_HMAC_KEY_FILE("DRIFTWATCH_SECRET_HMAC_KEY_FILE", "security", "secretHmacKeyFile");

  private final String variable;
  private final String section;
  private final String field;

  EnvOverride(String variable, String section, String field) {
    this.variable = variable;
    this.section = section;
    this.field = field;
  }

  /** The environment variable's name. */
  public String variable() {
    return variable;
  }

  /** The dotted key it overrides. */
  public String key() {
    return section == null ? field : section + "." + field;
  }

  /** Writes every override present in {@code env} into the parsed YAML tree, before it is bound. */
  static void applyAll(ObjectNode root, Map<String, String> env) {
    for (EnvOverride override : values()) {
      String value = env.get(override.variable);
      if (value == null) {
        continue;
      }
      ObjectNode target = root;
      if (override.section != null) {
        target =
            root.get(override.section) instanceof ObjectNode existing
                ? existing
                : root.putObject(override.section);
      }
      target.put(override.field, value);
    }
  }
}
