package io.driftwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Holds the lines between modules that keep the core testable and the heavy clients at the edges:
 * only ingest-git touches JGit, only ingest-cluster touches fabric8, drift-stream's logic imports
 * neither, drift-model stays light, and the meter catalogue in telemetry depends on nothing of
 * ours.
 */
class ModuleBoundariesTest {

  @ParameterizedTest(name = "{0} does not import {1}")
  @CsvSource({
    "drift-model, org.eclipse.jgit, drift-model is shared by every stage: keep Git access in ingest-git",
    "drift-model, io.fabric8, drift-model is shared by every stage: keep cluster access in ingest-cluster",
    "drift-model, org.apache.kafka.streams, drift-model holds records and serdes: put topology code in drift-stream",
    "drift-model, io.micrometer, drift-model holds records: declare meters in MeterCatalog of the telemetry module",
    "telemetry, io.driftwatch, telemetry only declares meters: compute their values in the stage that owns the data",
    "telemetry, org.apache.kafka, telemetry only declares meters: compute their values in the stage that owns the data",
    "drift-stream, org.eclipse.jgit, drift-stream works on desired state records: render in ingest-git",
    "drift-stream, io.fabric8, drift-stream works on live state records: read clusters in ingest-cluster",
    "ingest-git, io.fabric8, ingest-git renders Git: cluster access belongs to ingest-cluster",
    "ingest-cluster, org.eclipse.jgit, ingest-cluster observes clusters: Git access belongs to ingest-git",
    "alert-sink, org.eclipse.jgit, alert-sink reads drift topics: Git access belongs to ingest-git",
    "alert-sink, io.fabric8, alert-sink reads drift topics: remediation executors get their own package when they come",
    "alert-sink, org.apache.kafka.streams, alert-sink consumes topics: put stream processing in drift-stream"
  })
  void moduleDoesNotImportForbiddenPackage(String module, String forbidden, String fix) {
    Path sources = Path.of("..", module, "src", "main", "java");
    assertThat(sources).as("sources of %s", module).isDirectory();

    List<String> offenders =
        javaFiles(sources).filter(f -> imports(f, forbidden)).map(Path::toString).toList();

    assertThat(offenders).as("%s imports %s; %s", module, forbidden, fix).isEmpty();
  }

  private static Stream<Path> javaFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean imports(Path file, String pkg) {
    try {
      return Files.readAllLines(file).stream()
          .map(String::strip)
          .anyMatch(
              line ->
                  line.startsWith("import " + pkg + ".")
                      || line.startsWith("import static " + pkg + "."));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
