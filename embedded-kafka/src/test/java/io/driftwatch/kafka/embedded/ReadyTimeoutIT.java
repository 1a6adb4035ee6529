package io.driftwatch.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadyTimeoutIT {

  @Test
  void brokerNotReadyInTimeIsStoppedAndReportedNamingTheDir(@TempDir Path dir) {
    KafkaLogLevels.applyDefaults(KafkaLogLevels.BROKER_SLF4J_SIMPLE);

    assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, 0, Duration.ofMillis(50)))
        .isInstanceOf(EmbeddedKafkaException.class)
        .hasMessageContaining("was not ready within")
        .hasMessageContaining(dir.toString());

    // The half-started broker released its ports, threads and the dir lock.
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0)) {
      assertThat(broker.bootstrapServers()).isNotBlank();
    }
  }
}
