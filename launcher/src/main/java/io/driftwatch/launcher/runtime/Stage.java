package io.driftwatch.launcher.runtime;

import java.util.EnumSet;
import java.util.Set;

/** The four pipeline stages, in the order they are started. */
public enum Stage {
  /** Joins desired and live into drift status and events. */
  DRIFT_STREAM("drift-stream"),
  /** Serves metrics built from the drift topics. */
  ALERT_SINK("alert-sink"),
  /** Publishes live state from clusters. */
  INGEST_CLUSTER("ingest-cluster"),
  /** Publishes desired state from Git. */
  INGEST_GIT("ingest-git");

  private final String command;

  Stage(String command) {
    this.command = command;
  }

  /** The subcommand (and component) name. */
  public String command() {
    return command;
  }

  /** Every stage, as {@code driftwatch run} starts them. */
  public static Set<Stage> all() {
    return EnumSet.allOf(Stage.class);
  }

  /** True for the stages that read Secrets and so need the HMAC key. */
  boolean readsSecrets() {
    return this == INGEST_GIT || this == INGEST_CLUSTER;
  }
}
