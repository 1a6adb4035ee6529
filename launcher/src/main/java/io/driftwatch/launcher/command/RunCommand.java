package io.driftwatch.launcher.command;

import io.driftwatch.launcher.runtime.Stage;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code driftwatch run}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Runs every stage in one JVM; starts an embedded Kafka broker when kafka.bootstrapServers is not set.")
public final class RunCommand extends StageCommand {

  @Override
  Set<Stage> stages() {
    return EnumSet.copyOf(Stage.all());
  }

  @Override
  boolean singleProcess() {
    return true;
  }
}
