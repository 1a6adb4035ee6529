package io.driftwatch.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  @Test
  void theDelayDoublesWithEachFailureUpToTheCap() {
    RetryBackoff backoff = RetryBackoff.DEFAULT;

    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(160));
    assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.delayAfter(10_000)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aScheduleWhoseCapIsBelowTheInitialDelayIsRefused() {
    assertThatThrownBy(() -> new RetryBackoff(Duration.ofMinutes(1), Duration.ofSeconds(10)))
        .hasMessageContaining("shorter than the initial delay");
    assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(10)))
        .hasMessageContaining("must be positive");
  }
}
