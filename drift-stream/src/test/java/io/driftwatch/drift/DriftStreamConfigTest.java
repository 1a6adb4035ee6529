package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.model.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DriftStreamConfigTest {

  @Test
  void defaultsKeepStateUnderTheDataDir() {
    DriftStreamConfig config = DriftStreamConfig.defaults(Path.of("/var/lib/driftwatch"));

    assertThat(config.applicationId()).isEqualTo("driftwatch-drift-stream");
    assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/driftwatch/drift-stream"));
    assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void blankApplicationIdIsRefusedNamingTheKey() {
    assertThatThrownBy(
            () ->
                new DriftStreamConfig(
                    " ",
                    Path.of("x"),
                    Duration.ofMillis(100),
                    DriftStreamConfig.defaultComparison()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("applicationId");
  }

  @Test
  void nonPositiveCommitIntervalIsRefused() {
    assertThatThrownBy(
            () ->
                new DriftStreamConfig(
                    "app", Path.of("x"), Duration.ZERO, DriftStreamConfig.defaultComparison()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("commitInterval");
  }

  @Test
  void streamsPropertiesPassClientPropertiesThroughButKeepExactlyOnce() {
    KafkaSettings kafka =
        new KafkaSettings(
            "broker:9092",
            Optional.empty(),
            Optional.of((short) 3),
            Map.of("security.protocol", "SSL", "processing.guarantee", "at_least_once"));

    Properties props =
        DriftStream.streamsProperties(
            new DriftStreamConfig(
                "app",
                Path.of("state"),
                Duration.ofMillis(250),
                DriftStreamConfig.defaultComparison()),
            kafka);

    assertThat(props)
        .containsEntry("bootstrap.servers", "broker:9092")
        .containsEntry("security.protocol", "SSL")
        .containsEntry("processing.guarantee", "exactly_once_v2")
        .containsEntry("application.id", "app")
        .containsEntry("commit.interval.ms", 250L)
        .containsEntry("replication.factor", 3)
        .containsEntry("ensure.explicit.internal.resource.naming", true)
        .containsEntry("deserialization.exception.handler", DeadLetterDeserializationHandler.class);
    assertThat(props.getProperty("state.dir"))
        .isEqualTo(Path.of("state").toAbsolutePath().toString());
  }
}
