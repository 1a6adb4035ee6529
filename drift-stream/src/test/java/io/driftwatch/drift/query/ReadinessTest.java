package io.driftwatch.drift.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  @Test
  void onlyARunningInstanceServes() {
    assertThat(Arrays.stream(KafkaStreams.State.values()).filter(s -> Readiness.of(s).serving()))
        .containsExactly(KafkaStreams.State.RUNNING);
  }

  @Test
  void eachOtherStateSaysWhy() {
    assertThat(Readiness.of(KafkaStreams.State.REBALANCING).reason())
        .contains("rebalancing")
        .contains("restored");
    assertThat(Readiness.of(KafkaStreams.State.CREATED).reason()).contains("not started yet");
    assertThat(Readiness.of(KafkaStreams.State.ERROR).reason())
        .contains("not running (state ERROR)");
  }
}
