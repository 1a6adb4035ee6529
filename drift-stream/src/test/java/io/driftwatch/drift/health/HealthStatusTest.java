package io.driftwatch.drift.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.model.serde.Json;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HealthStatusTest {

  @Test
  void orderFromHealthiestToWorstIsArgoCdsOrder() {
    assertThat(Arrays.stream(HealthStatus.values()).map(HealthStatus::label))
        .containsExactly("Healthy", "Suspended", "Progressing", "Missing", "Degraded", "Unknown");
  }

  @Test
  void worseMeansLaterInTheOrder() {
    assertThat(HealthStatus.PROGRESSING.isWorseThan(HealthStatus.HEALTHY)).isTrue();
    assertThat(HealthStatus.DEGRADED.isWorseThan(HealthStatus.MISSING)).isTrue();
    assertThat(HealthStatus.UNKNOWN.isWorseThan(HealthStatus.DEGRADED)).isTrue();
    assertThat(HealthStatus.SUSPENDED.isWorseThan(HealthStatus.PROGRESSING)).isFalse();
    assertThat(HealthStatus.DEGRADED.isWorseThan(HealthStatus.DEGRADED)).isFalse();
  }

  @Test
  void assessmentsAreWrittenWithArgoCdsNames() throws Exception {
    String json =
        Json.mapper().writeValueAsString(HealthAssessment.of(HealthStatus.DEGRADED, "crash loop"));

    assertThat(json).isEqualTo("{\"status\":\"Degraded\",\"message\":\"crash loop\"}");
    assertThat(Json.mapper().readValue(json, HealthAssessment.class))
        .isEqualTo(HealthAssessment.of(HealthStatus.DEGRADED, "crash loop"));
  }

  @Test
  void anUnknownNameIsRefusedWithTheNamesThatExist() {
    assertThatThrownBy(() -> HealthStatus.fromLabel("Broken"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"Broken\"")
        .hasMessageContaining("Healthy, Suspended, Progressing, Missing, Degraded, Unknown");
  }
}
