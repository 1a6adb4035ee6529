package io.driftwatch.model.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.KafkaSettings;
import io.driftwatch.testkit.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompactedTopicReaderIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final KafkaSettings kafka = KafkaSettings.of(TestKafka.bootstrapServers());
  private Topic<String, String> topic;

  @BeforeEach
  void createTopic() throws Exception {
    topic =
        new Topic<>(
            "compacted-reader-" + UUID.randomUUID(),
            Serdes.String(),
            Serdes.String(),
            3,
            CleanupPolicy.COMPACT,
            null);
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topic.name(), 3, (short) 1)
                      .configs(Map.of("cleanup.policy", "compact"))))
          .all()
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  @Test
  void lastRecordPerKeyWinsTombstonesRemoveAndAbortedRecordsAreInvisible() {
    try (KafkaProducer<String, String> producer = transactionalProducer()) {
      producer.initTransactions();
      producer.beginTransaction();
      send(producer, "web", "v1");
      send(producer, "api", "v1");
      send(producer, "db", "v1");
      send(producer, "web", "v2");
      send(producer, "api", null);
      producer.commitTransaction();
      producer.beginTransaction();
      send(producer, "web", "aborted");
      send(producer, "ghost", "aborted");
      producer.flush();
      producer.abortTransaction();
    }
    CompactedTopicReader reader = new CompactedTopicReader(kafka, "reader-it", TIMEOUT);

    assertThat(reader.latest(topic)).isEqualTo(Map.of("web", "v2", "db", "v1"));
    assertThat(reader.presentKeys(topic, key -> !key.equals("db"))).containsExactly("web");
  }

  @Test
  void emptyTopicReadsAsEmpty() {
    CompactedTopicReader reader = new CompactedTopicReader(kafka, "reader-it", TIMEOUT);

    assertThat(reader.latest(topic)).isEmpty();
    assertThat(reader.presentKeys(topic, key -> true)).isEmpty();
  }

  private void send(KafkaProducer<String, String> producer, String key, String value) {
    producer.send(new ProducerRecord<>(topic.name(), key, value));
  }

  private KafkaProducer<String, String> transactionalProducer() {
    Properties props = kafka.clientConfig();
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "reader-it-" + UUID.randomUUID());
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }
}
