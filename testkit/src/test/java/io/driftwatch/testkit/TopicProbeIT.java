package io.driftwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicProbeIT {

  private static Admin admin;

  @BeforeAll
  static void connect() {
    admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
  }

  @AfterAll
  static void disconnect() {
    admin.close();
  }

  @Test
  void bootstrapServersIsTheSameBrokerOnEveryCall() {
    assertThat(TestKafka.bootstrapServers()).isEqualTo(TestKafka.bootstrapServers()).isNotBlank();
  }

  @Test
  void awaitReturnsTheFirstRecordMatchingThePredicateAcrossPartitions() throws Exception {
    String topic = createTopic(3);
    try (TopicProbe<String, String> probe = openProbe(topic);
        KafkaProducer<String, String> producer = producer(Map.of())) {
      for (int i = 0; i < 20; i++) {
        producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i));
      }
      producer.flush();

      ConsumerRecord<String, String> found =
          probe.await(r -> r.key().equals("key-17"), Duration.ofSeconds(20));

      assertThat(found.value()).isEqualTo("value-17");
      assertThat(probe.drain(Duration.ofMillis(500))).hasSize(20);
    }
  }

  @Test
  void awaitFindsARecordProducedAfterItStartedWaiting() {
    String topic = createTopic(1);
    try (TopicProbe<String, String> probe = openProbe(topic);
        KafkaProducer<String, String> producer = producer(Map.of())) {
      Thread later =
          new Thread(
              () -> {
                sleep(Duration.ofMillis(700));
                producer.send(new ProducerRecord<>(topic, "late", "arrived"));
                producer.flush();
              });
      later.start();

      assertThat(probe.await(r -> r.key().equals("late"), Duration.ofSeconds(20)).value())
          .isEqualTo("arrived");
    }
  }

  @Test
  void timeoutMessageListsTheRecordsThatWereSeen() {
    String topic = createTopic(1);
    try (TopicProbe<String, String> probe = openProbe(topic);
        KafkaProducer<String, String> producer = producer(Map.of())) {
      producer.send(new ProducerRecord<>(topic, "cluster-a", "MODIFIED"));
      producer.send(new ProducerRecord<>(topic, "cluster-b", "MISSING_LIVE"));
      producer.flush();

      assertThatThrownBy(() -> probe.await(r -> r.key().equals("cluster-c"), Duration.ofSeconds(3)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("No record on topic " + topic + " matched within PT3S")
          .hasMessageContaining("seen 2 record(s)")
          .hasMessageContaining("0@0 key=cluster-a value=MODIFIED")
          .hasMessageContaining("0@1 key=cluster-b value=MISSING_LIVE");
      assertThat(probe.records())
          .extracting(ConsumerRecord::key)
          .containsExactly("cluster-a", "cluster-b");
    }
  }

  @Test
  void probeWaitsForATopicCreatedAfterItOpened() {
    String topic = "probe-late-topic-" + UUID.randomUUID();
    try (TopicProbe<String, String> probe = openProbe(topic);
        KafkaProducer<String, String> producer = producer(Map.of())) {
      Thread creator =
          new Thread(
              () -> {
                sleep(Duration.ofSeconds(1));
                createTopic(topic, 2);
                producer.send(new ProducerRecord<>(topic, "k", "v"));
                producer.flush();
              });
      creator.start();

      assertThat(probe.await(r -> r.key().equals("k"), Duration.ofSeconds(30)).value())
          .isEqualTo("v");
    }
  }

  @Test
  void timeoutOnAMissingTopicSaysTheTopicDoesNotExist() {
    String topic = "probe-never-created-" + UUID.randomUUID();
    try (TopicProbe<String, String> probe = openProbe(topic)) {
      assertThatThrownBy(() -> probe.await(r -> true, Duration.ofSeconds(2)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("does not exist");
      assertThat(probe.drain(Duration.ofMillis(300))).isEmpty();
    }
    // The probe must not have created it as a side effect.
    assertThat(topicNames()).doesNotContain(topic);
  }

  @Test
  void abortedTransactionsAreInvisibleAndCommittedOnesVisible() {
    String topic = createTopic(1);
    try (TopicProbe<String, String> probe = openProbe(topic);
        KafkaProducer<String, String> producer =
            producer(
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "probe-tx-" + UUID.randomUUID()))) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "aborted", "x"));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "committed", "y"));
      producer.commitTransaction();

      probe.await(r -> r.key().equals("committed"), Duration.ofSeconds(20));
      assertThat(probe.drain(Duration.ofMillis(500)))
          .extracting(ConsumerRecord::key)
          .containsExactly("committed");
    }
  }

  @Test
  void drainReturnsOnlyAfterRecordsStopArriving() {
    String topic = createTopic(1);
    try (TopicProbe<String, String> probe = openProbe(topic);
        KafkaProducer<String, String> producer = producer(Map.of())) {
      Thread trickle =
          new Thread(
              () -> {
                for (int i = 0; i < 5; i++) {
                  producer.send(new ProducerRecord<>(topic, "k" + i, "v"));
                  producer.flush();
                  sleep(Duration.ofMillis(300));
                }
              });
      trickle.start();

      List<ConsumerRecord<String, String>> all = probe.drain(Duration.ofSeconds(2));

      assertThat(all).extracting(ConsumerRecord::key).containsExactly("k0", "k1", "k2", "k3", "k4");
    }
  }

  private static TopicProbe<String, String> openProbe(String topic) {
    return TopicProbe.open(
        TestKafka.bootstrapServers(), topic, new StringDeserializer(), new StringDeserializer());
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
    props.putAll(extra);
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private static String createTopic(int partitions) {
    String topic = "probe-test-" + UUID.randomUUID();
    createTopic(topic, partitions);
    return topic;
  }

  private static void createTopic(String topic, int partitions) {
    try {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static java.util.Set<String> topicNames() {
    try {
      return admin.listTopics().names().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
