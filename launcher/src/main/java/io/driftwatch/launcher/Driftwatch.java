package io.driftwatch.launcher;

import io.driftwatch.launcher.command.AlertSinkCommand;
import io.driftwatch.launcher.command.DiffCommand;
import io.driftwatch.launcher.command.DriftStreamCommand;
import io.driftwatch.launcher.command.IngestClusterCommand;
import io.driftwatch.launcher.command.IngestGitCommand;
import io.driftwatch.launcher.command.RenderCommand;
import io.driftwatch.launcher.command.RunCommand;
import io.driftwatch.launcher.command.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code driftwatch} command; see {@code driftwatch --help}. */
@Command(
    name = "driftwatch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "GitOps drift and reconciliation telemetry: is what runs in your clusters what Git says should run?",
      ""
    },
    subcommands = {
      RunCommand.class,
      IngestGitCommand.class,
      IngestClusterCommand.class,
      DriftStreamCommand.class,
      AlertSinkCommand.class,
      DiffCommand.class,
      RenderCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {"", "Docs: README.md and docs/ in the driftwatch repository."})
public final class Driftwatch implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line; tests execute it in-process. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new Driftwatch()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing a command: try `driftwatch run --config driftwatch.yaml`");
  }
}
