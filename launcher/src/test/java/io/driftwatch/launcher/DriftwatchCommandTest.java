package io.driftwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DriftwatchCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine cli = Driftwatch.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void helpListsRunAndOneSubcommandPerStage() {
    assertThat(execute("--help")).isZero();

    assertThat(out.toString())
        .contains("run", "ingest-git", "ingest-cluster", "drift-stream", "alert-sink");
  }

  @Test
  void everySubcommandAnswersHelpAndVersion() {
    for (String command :
        new String[] {"run", "ingest-git", "ingest-cluster", "drift-stream", "alert-sink"}) {
      assertThat(execute(command, "--help")).as(command).isZero();
      assertThat(out.toString()).contains("--config");
      assertThat(execute(command, "--version")).as(command).isZero();
      assertThat(out.toString()).contains("driftwatch");
    }
  }

  @Test
  void noCommandIsAUsageError() {
    assertThat(execute()).isEqualTo(2);
    assertThat(err.toString()).contains("driftwatch run --config");
  }

  @Test
  void aBadConfigurationExitsWithTwoAndNamesTheKey() throws IOException {
    Path config = Files.writeString(dir.resolve("bad.yaml"), "http:\n  port: 70000\n");

    assertThat(execute("run", "--config", config.toString())).isEqualTo(2);

    assertThat(err.toString()).contains("http.port: 70000 is not a port");
  }

  @Test
  void aSingleComponentRefusesToStartWithoutAKafkaCluster() throws IOException {
    Path config = Files.writeString(dir.resolve("driftwatch.yaml"), "http:\n  port: 0\n");

    assertThat(execute("drift-stream", "--config", config.toString())).isEqualTo(1);

    assertThat(err.toString())
        .contains("kafka.bootstrapServers is not set")
        .contains("driftwatch run");
  }
}
