package io.driftwatch.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

  @BeforeAll
  static void quietBroker() {
    KafkaLogLevels.applyDefaults(KafkaLogLevels.BROKER_SLF4J_SIMPLE);
  }

  @Test
  void brokerOnATempDirServesProduceAndConsumeOnLoopback(@TempDir Path dir) throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
        Admin admin = admin(broker)) {
      assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
      assertThat(broker.dataDir()).isEqualTo(dir.toAbsolutePath().normalize());
      admin.createTopics(List.of(new NewTopic("plain", 2, (short) 1))).all().get();

      try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
        producer.send(new ProducerRecord<>("plain", "a", "1")).get();
        producer.send(new ProducerRecord<>("plain", "b", "2")).get();
      }

      assertThat(readAll(broker, "plain", 2, "read_uncommitted"))
          .extracting(ConsumerRecord::key)
          .containsExactlyInAnyOrder("a", "b");
    }
  }

  @Test
  void topicsAreNotCreatedByMerelyAskingForThem(@TempDir Path dir) throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
        Admin admin = admin(broker);
        KafkaProducer<String, String> producer =
            producer(broker, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000))) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>("typo-topic", "k", "v")).get())
          .hasStackTraceContaining("not present in metadata");

      assertThat(admin.listTopics().names().get()).doesNotContain("typo-topic");
    }
  }

  @Test
  void transactionalProducerCommitsAndReadCommittedConsumerSeesOnlyCommittedRecords(
      @TempDir Path dir) throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
        Admin admin = admin(broker)) {
      admin.createTopics(List.of(new NewTopic("tx", 1, (short) 1))).all().get();

      try (KafkaProducer<String, String> producer =
          producer(broker, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-test"))) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("tx", "aborted", "x"));
        producer.flush();
        producer.abortTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("tx", "committed-1", "y"));
        producer.send(new ProducerRecord<>("tx", "committed-2", "z"));
        producer.commitTransaction();
      }

      assertThat(readAll(broker, "tx", 2, "read_committed"))
          .extracting(ConsumerRecord::key)
          .containsExactly("committed-1", "committed-2");
    }
  }

  @Test
  void restartOnTheSameDirKeepsClusterIdTopicsRecordsAndCommittedOffsets(@TempDir Path dir)
      throws Exception {
    String clusterId;
    int port;
    Map<TopicPartition, OffsetAndMetadata> committed;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
        Admin admin = admin(broker)) {
      port = Integer.parseInt(broker.bootstrapServers().substring("127.0.0.1:".length()));
      clusterId = admin.describeCluster().clusterId().get();
      admin.createTopics(List.of(new NewTopic("kept", 3, (short) 1))).all().get();
      try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
        for (int i = 0; i < 6; i++) {
          producer.send(new ProducerRecord<>("kept", "k" + i, "v" + i)).get();
        }
      }
      committed = consumeAndCommitInGroup(broker, "kept", "kept-group", 6);
      assertThat(committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum())
          .isEqualTo(6);
    }

    // The same fixed port again: a launcher with kafka.embedded.port set restarts on its port.
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, port);
        Admin admin = admin(broker)) {
      assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
      assertThat(
              admin.describeTopics(List.of("kept")).allTopicNames().get().get("kept").partitions())
          .hasSize(3);
      assertThat(readAll(broker, "kept", 6, "read_committed"))
          .extracting(ConsumerRecord::value)
          .containsExactlyInAnyOrder("v0", "v1", "v2", "v3", "v4", "v5");
      assertThat(admin.listConsumerGroupOffsets("kept-group").partitionsToOffsetAndMetadata().get())
          .isEqualTo(committed);
    }
  }

  @Test
  void secondBrokerInThisJvmOnADirInUseIsRefusedNamingTheDirAndTheKey(@TempDir Path dir) {
    try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dir, 0)) {
      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, 0))
          .isInstanceOf(EmbeddedKafkaException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("in use by another running embedded broker")
          .hasMessageContaining("kafka.embedded.dataDir");
      assertThat(first.bootstrapServers()).isNotBlank();
    }
  }

  @Test
  void brokerInAnotherProcessOnTheSameDirIsRefusedAndTheDirIsUsableAfterItStops(@TempDir Path dir)
      throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                BrokerInChildProcess.class.getName(),
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.startsWith("READY"));
      assertThat(line).as("child broker announced itself").startsWith("READY");

      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, 0))
          .isInstanceOf(EmbeddedKafkaException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("kafka.embedded.dataDir");
    } finally {
      child.getOutputStream().close();
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0)) {
      assertThat(broker.bootstrapServers()).isNotBlank();
    }
  }

  @Test
  void portInUseIsRefusedNamingThePortAndTheKey(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, port))
          .isInstanceOf(EmbeddedKafkaException.class)
          .hasMessageContaining("port " + port)
          .hasMessageContaining("already in use")
          .hasMessageContaining("kafka.embedded.port");
    }
    // A refused start must not keep the dir locked.
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0)) {
      assertThat(broker.bootstrapServers()).isNotBlank();
    }
  }

  @Test
  void dataDirThatCannotBeCreatedIsRefusedNamingTheDirAndTheKey(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
    Path impossible = file.resolve("kafka");

    assertThatThrownBy(() -> EmbeddedKafkaBroker.start(impossible, 0))
        .isInstanceOf(EmbeddedKafkaException.class)
        .hasMessageContaining(impossible.toString())
        .hasMessageContaining("kafka.embedded.dataDir");
  }

  @Test
  void closeTwiceIsHarmless(@TempDir Path dir) {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
    broker.close();
    broker.close();
  }

  private static Admin admin(EmbeddedKafkaBroker broker) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  private static KafkaProducer<String, String> producer(
      EmbeddedKafkaBroker broker, Map<String, Object> extra) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.putAll(extra);
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private static List<ConsumerRecord<String, String>> readAll(
      EmbeddedKafkaBroker broker, String topic, int expected, String isolation) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      // Anything beyond the expected count (an aborted record leaking through) must show up too.
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      return records;
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> consumeAndCommitInGroup(
      EmbeddedKafkaBroker broker, String topic, String group, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      int seen = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (seen < expected && System.nanoTime() < deadline) {
        seen += consumer.poll(Duration.ofMillis(200)).count();
      }
      assertThat(seen).isEqualTo(expected);
      consumer.commitSync();
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(consumer.assignment());
      return Map.copyOf(committed);
    }
  }
}
