package io.driftwatch.launcher.command;

import io.driftwatch.launcher.runtime.Stage;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code driftwatch ingest-cluster}. */
@Command(
    name = "ingest-cluster",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Runs ingest-cluster alone, against a Kafka cluster: watches the clusters and publishes live state.")
public final class IngestClusterCommand extends StageCommand {

  @Override
  Set<Stage> stages() {
    return EnumSet.of(Stage.INGEST_CLUSTER);
  }
}
