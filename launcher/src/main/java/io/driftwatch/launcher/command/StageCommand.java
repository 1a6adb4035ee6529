package io.driftwatch.launcher.command;

import io.driftwatch.launcher.config.ConfigException;
import io.driftwatch.launcher.config.ConfigLoader;
import io.driftwatch.launcher.config.DriftwatchConfig;
import io.driftwatch.launcher.runtime.Pipeline;
import io.driftwatch.launcher.runtime.Stage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What every long-running subcommand shares: the {@code --config} option, loading and validating
 * it, starting the stages, and staying up until SIGINT or SIGTERM, then stopping cleanly.
 */
abstract class StageCommand implements Callable<Integer> {

  /** Exit code for a configuration the user must fix. */
  static final int CONFIG_ERROR = 2;

  /** Exit code for a failure while starting or running. */
  static final int RUNTIME_ERROR = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      defaultValue = "driftwatch.yaml",
      description = "The driftwatch YAML configuration (default: ${DEFAULT-VALUE}).")
  Path config;

  /** How long a SIGTERM waits for a clean shutdown before the JVM goes down anyway. */
  private static final long SHUTDOWN_WAIT_SECONDS = 30;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  /** The stages this command runs. */
  abstract Set<Stage> stages();

  /** True when this command runs every stage in one JVM (may start the embedded broker). */
  boolean singleProcess() {
    return false;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    DriftwatchConfig loaded;
    try {
      loaded = new ConfigLoader(System.getenv()).load(config);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      err.flush();
      return CONFIG_ERROR;
    }
    Pipeline pipeline;
    try {
      pipeline = Pipeline.start(loaded, stages(), singleProcess());
    } catch (RuntimeException e) {
      err.println("driftwatch could not start: " + e.getMessage());
      err.flush();
      return RUNTIME_ERROR;
    }
    Thread hook = new Thread(this::stopAndWait, "driftwatch-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println(banner(loaded, pipeline));
    out.flush();
    try {
      stopped.await();
    } finally {
      pipeline.close();
      closed.countDown();
      removeHook(hook);
    }
    out.println("driftwatch stopped.");
    out.flush();
    return 0;
  }

  private void stopAndWait() {
    stopped.countDown();
    try {
      closed.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running: it is what stopped us.
    }
  }

  /**
   * Stops a command started in-process and waits until it has closed; a real process stops on
   * SIGINT or SIGTERM.
   */
  public void stop() {
    stopAndWait();
  }

  private String banner(DriftwatchConfig config, Pipeline pipeline) {
    String kafka =
        pipeline.embeddedBroker()
            ? pipeline.bootstrapServers()
                + " (embedded; data in "
                + config.kafka().embeddedDataDir()
                + ")"
            : pipeline.bootstrapServers();
    return String.join(
        "\n",
        "driftwatch is running: "
            + String.join(", ", stages().stream().map(Stage::command).toList()),
        "  Kafka:    " + kafka,
        "  Sources:  "
            + config.git().sources().size()
            + " Git source(s), "
            + config.clusters().clusters().size()
            + " cluster(s)",
        "  Metrics:  http://localhost:"
            + pipeline.httpPort()
            + "/metrics   Health: http://localhost:"
            + pipeline.httpPort()
            + "/healthz",
        "Stop with Ctrl-C.");
  }
}
