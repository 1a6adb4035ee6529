package io.driftwatch.launcher.command;

import io.driftwatch.launcher.runtime.Stage;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code driftwatch alert-sink}. */
@Command(
    name = "alert-sink",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Runs alert-sink alone, against a Kafka cluster: serves Prometheus metrics built from the drift topics.")
public final class AlertSinkCommand extends StageCommand {

  @Override
  Set<Stage> stages() {
    return EnumSet.of(Stage.ALERT_SINK);
  }
}
