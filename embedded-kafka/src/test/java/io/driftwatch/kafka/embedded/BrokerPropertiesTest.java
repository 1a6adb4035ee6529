package io.driftwatch.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class BrokerPropertiesTest {

  private final Properties props = BrokerProperties.of(Path.of("/data/kafka"), 9092, 9093);

  @Test
  void kafkaAcceptsTheConfiguration() {
    KafkaConfig config = KafkaConfig.fromProps(props, false);

    assertThat(config.nodeId()).isEqualTo(1);
    assertThat(config.autoCreateTopicsEnable()).isFalse();
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThat(props.getProperty("listeners"))
        .isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
    assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
    assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
  }

  @Test
  void everyReplicationFactorAndMinIsrFitsOneNodeSoTransactionsWork() {
    assertThat(props)
        .containsEntry("default.replication.factor", "1")
        .containsEntry("min.insync.replicas", "1")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("share.coordinator.state.topic.replication.factor", "1")
        .containsEntry("share.coordinator.state.topic.min.isr", "1");
  }

  @Test
  void dataLivesUnderTheDataDir() {
    assertThat(props.getProperty("log.dirs")).isEqualTo("/data/kafka/kraft-combined-logs");
  }

  @Test
  void cleanerBufferFitsASmallHeap() {
    assertThat(Long.parseLong(props.getProperty("log.cleaner.dedupe.buffer.size")))
        .isLessThanOrEqualTo(4L * 1024 * 1024);
  }
}
