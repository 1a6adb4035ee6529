package io.driftwatch.launcher.command;

import io.driftwatch.launcher.runtime.Stage;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code driftwatch drift-stream}. */
@Command(
    name = "drift-stream",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Runs drift-stream alone, against a Kafka cluster: joins desired and live into drift status and events. More instances process more partitions in parallel.")
public final class DriftStreamCommand extends StageCommand {

  @Override
  Set<Stage> stages() {
    return EnumSet.of(Stage.DRIFT_STREAM);
  }
}
