package io.driftwatch.launcher.command;

import io.driftwatch.launcher.runtime.Stage;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code driftwatch ingest-git}. */
@Command(
    name = "ingest-git",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Runs ingest-git alone, against a Kafka cluster: fetches and renders the Git sources and publishes desired state.")
public final class IngestGitCommand extends StageCommand {

  @Override
  Set<Stage> stages() {
    return EnumSet.of(Stage.INGEST_GIT);
  }
}
