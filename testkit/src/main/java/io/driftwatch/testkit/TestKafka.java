package io.driftwatch.testkit;

import io.driftwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.driftwatch.kafka.embedded.KafkaLogLevels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One Kafka broker per test JVM, started on first use and stopped when the JVM exits. System
 * property {@code driftwatch.test.kafka} chooses it: {@code auto} (default: a Kafka container when
 * Docker is available, else the in-process broker), {@code embedded} or {@code container}; {@code
 * driftwatch.test.kafka.image} overrides the container image.
 */
public final class TestKafka {

  /** The container image used unless {@code driftwatch.test.kafka.image} names another. */
  public static final String DEFAULT_IMAGE = "apache/kafka:4.4.0";

  static final String IMAGE_PROPERTY = "driftwatch.test.kafka.image";

  private static final Logger LOG = LoggerFactory.getLogger(TestKafka.class);

  private static String bootstrapServers;
  private static RuntimeException startFailure;

  private TestKafka() {}

  /**
   * {@code host:port} of the shared broker, starting it on the first call. Every test in the JVM
   * shares it, so tests must use unique names (application ids, clusters, sources) and filter what
   * they read by key.
   *
   * @throws IllegalStateException when the broker cannot be started (the message says why and what
   *     to change); later calls fail at once with the same cause instead of trying again
   */
  public static synchronized String bootstrapServers() {
    if (bootstrapServers != null) {
      return bootstrapServers;
    }
    if (startFailure != null) {
      throw new IllegalStateException(
          "The test Kafka broker failed to start earlier", startFailure);
    }
    try {
      bootstrapServers = start(KafkaMode.parse(System.getProperty(KafkaMode.PROPERTY)));
      return bootstrapServers;
    } catch (RuntimeException e) {
      startFailure = e;
      throw e instanceof IllegalStateException ise
          ? ise
          : new IllegalStateException(
              "The test Kafka broker could not start: " + e.getMessage(), e);
    }
  }

  private static String start(KafkaMode mode) {
    if (mode == KafkaMode.AUTO) {
      // Without Docker, Testcontainers logs an ERROR with a long explanation; in auto mode that is
      // an expected outcome, and the line below says which broker was chosen instead.
      KafkaLogLevels.applyDefaults(
          Map.of(KafkaLogLevels.PREFIX + "org.testcontainers.dockerclient", "off"));
    }
    KafkaMode.Choice choice = mode.choose(() -> DockerClientFactory.instance().isDockerAvailable());
    return choice.container() ? startContainer(choice.reason()) : startEmbedded(choice.reason());
  }

  private static String startEmbedded(String reason) {
    // Keep the broker's start-up chatter out of test output; a -D on the command line still wins.
    KafkaLogLevels.applyDefaults(KafkaLogLevels.BROKER_SLF4J_SIMPLE);
    Path dir;
    try {
      dir = Files.createTempDirectory("driftwatch-test-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temp dir for the test Kafka broker", e);
    }
    EmbeddedKafkaBroker broker;
    try {
      broker = EmbeddedKafkaBroker.start(dir, 0);
    } catch (RuntimeException e) {
      deleteRecursively(dir);
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  deleteRecursively(dir);
                },
                "test-kafka-shutdown"));
    LOG.info("Test Kafka: in-process KRaft broker at {} ({})", broker.bootstrapServers(), reason);
    return broker.bootstrapServers();
  }

  private static String startContainer(String reason) {
    String image = System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE);
    KafkaContainer container = new KafkaContainer(DockerImageName.parse(image));
    try {
      container.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Could not start the Kafka container "
              + image
              + ": "
              + e.getMessage()
              + ". Choose another image with -D"
              + IMAGE_PROPERTY
              + "=..., or use -D"
              + KafkaMode.PROPERTY
              + "=embedded.",
          e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-kafka-shutdown"));
    LOG.info("Test Kafka: container {} at {} ({})", image, container.getBootstrapServers(), reason);
    return container.getBootstrapServers();
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp dir is harmless.
    }
  }
}
