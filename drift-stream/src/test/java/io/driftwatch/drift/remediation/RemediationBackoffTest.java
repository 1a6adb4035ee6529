package io.driftwatch.drift.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RemediationBackoffTest {

  @Test
  void theDefaultsAreArgoCdSelfHealBackoff() {
    RemediationBackoff defaults = RemediationBackoff.defaults();
    assertThat(
            IntStream.rangeClosed(1, 8)
                .mapToObj(defaults::delayAfter)
                .map(Duration::toSeconds)
                .toList())
        .containsExactly(2L, 6L, 18L, 54L, 162L, 300L, 300L, 300L);
    assertThat(defaults.maxAttempts()).isEqualTo(6);
    assertThat(defaults.resetCooldown()).isEqualTo(Duration.ofSeconds(330));
  }

  @Test
  void theFirstAttemptDoesNotWait() {
    assertThat(RemediationBackoff.defaults().delayAfter(0)).isZero();
  }

  @Test
  void aHugeAttemptCountStaysAtTheCap() {
    assertThat(RemediationBackoff.defaults().delayAfter(Integer.MAX_VALUE))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void invalidSettingsNameTheKey() {
    assertThatThrownBy(
            () ->
                new RemediationBackoff(
                    Duration.ofSeconds(2), 3, Duration.ofMinutes(5), 0, Duration.ZERO))
        .hasMessageContaining("remediation.backoff.maxAttempts");
    assertThatThrownBy(
            () ->
                new RemediationBackoff(
                    Duration.ofSeconds(2), 0, Duration.ofMinutes(5), 6, Duration.ZERO))
        .hasMessageContaining("remediation.backoff.factor");
    assertThatThrownBy(
            () ->
                new RemediationBackoff(
                    Duration.ofMinutes(10), 3, Duration.ofMinutes(5), 6, Duration.ZERO))
        .hasMessageContaining("remediation.backoff.cap");
    assertThatThrownBy(
            () -> new RemediationBackoff(Duration.ZERO, 3, Duration.ofMinutes(5), 6, Duration.ZERO))
        .hasMessageContaining("remediation.backoff.initial");
  }
}
