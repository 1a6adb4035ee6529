package io.driftwatch.launcher.runtime;

import com.sun.net.httpserver.HttpHandler;
import io.driftwatch.alert.AlertSink;
import io.driftwatch.alert.AlertSinkConfig;
import io.driftwatch.alert.MetricsHttpServer;
import io.driftwatch.alert.Telemetry;
import io.driftwatch.drift.DriftStream;
import io.driftwatch.drift.query.QueryHandler;
import io.driftwatch.ingest.cluster.ClusterIngest;
import io.driftwatch.ingest.git.GitIngest;
import io.driftwatch.ingest.git.webhook.WebhookHandler;
import io.driftwatch.kafka.embedded.EmbeddedKafkaBroker;
import io.driftwatch.launcher.config.DriftwatchConfig;
import io.driftwatch.model.Component;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.secret.SecretRedactor;
import io.driftwatch.model.topic.TopicProvisioner;
import io.driftwatch.model.topic.Topics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running driftwatch process: some or all stages, the Kafka they share, and the HTTP endpoint
 * serving {@code /metrics} and {@code /healthz}. {@code run} starts every stage (and the embedded
 * broker when no Kafka is configured); each component subcommand starts one stage against a
 * configured Kafka cluster.
 */
public final class Pipeline implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

  private final EmbeddedKafkaBroker broker;
  private final String bootstrapServers;
  private final List<Component> components;
  private final MetricsHttpServer http;
  private final Telemetry telemetry;

  private Pipeline(
      EmbeddedKafkaBroker broker,
      String bootstrapServers,
      List<Component> components,
      MetricsHttpServer http,
      Telemetry telemetry) {
    this.broker = broker;
    this.bootstrapServers = bootstrapServers;
    this.components = components;
    this.http = http;
    this.telemetry = telemetry;
  }

  /**
   * Starts the given stages.
   *
   * @param singleProcess true for {@code run}: the embedded broker may be started and a Secret key
   *     generated
   * @throws IllegalStateException when the configuration does not allow this mode, with the fix in
   *     the message
   */
  public static Pipeline start(DriftwatchConfig config, Set<Stage> stages, boolean singleProcess) {
    EmbeddedKafkaBroker broker = null;
    List<Component> started = new ArrayList<>();
    MetricsHttpServer http = null;
    Telemetry telemetry = new Telemetry();
    PrometheusMeterRegistry registry = telemetry.registry();
    AlertSinkConfig httpConfig = withConcretePort(config.http());
    try {
      String servers;
      if (config.kafka().embedded()) {
        if (!singleProcess) {
          throw new IllegalStateException(
              "kafka.bootstrapServers is not set: a single component ("
                  + stages.iterator().next().command()
                  + ") needs a shared Kafka cluster. Set kafka.bootstrapServers (or DRIFTWATCH_KAFKA_BOOTSTRAP_SERVERS),"
                  + " or use `driftwatch run` to run every component in one JVM with an embedded broker.");
        }
        LOG.info(
            "No kafka.bootstrapServers configured: starting the embedded broker on port {} with data in {}",
            config.kafka().embeddedPort(),
            config.kafka().embeddedDataDir());
        broker =
            EmbeddedKafkaBroker.start(
                config.kafka().embeddedDataDir(), config.kafka().embeddedPort());
        servers = broker.bootstrapServers();
      } else {
        servers = config.kafka().bootstrapServers().orElseThrow();
      }
      KafkaSettings kafka = config.kafka().settings(servers);
      provisionTopics(kafka);

      SecretRedactor redactor =
          stages.stream().anyMatch(Stage::readsSecrets)
              ? new SecretRedactor(SecretKeys.load(config, singleProcess))
              : null;
      for (Stage stage : EnumSet.copyOf(stages)) {
        Component component =
            switch (stage) {
              case DRIFT_STREAM -> new DriftStream(config.driftStream(), kafka, httpConfig.port());
              case ALERT_SINK -> new AlertSink(httpConfig, kafka, registry);
              case INGEST_CLUSTER ->
                  new ClusterIngest(config.clusters(), kafka, redactor, registry);
              case INGEST_GIT -> new GitIngest(config.git(), kafka, redactor);
            };
        component.start();
        started.add(component);
        if (component instanceof DriftStream drift) {
          new KafkaStreamsMetrics(drift.kafkaStreams()).bindTo(registry);
        }
        LOG.info("Started {}", component.name());
      }

      Map<String, BooleanSupplier> health = new LinkedHashMap<>();
      Map<String, HttpHandler> routes = new LinkedHashMap<>();
      for (Component component : started) {
        health.put(component.name(), component::healthy);
        if (component instanceof DriftStream drift) {
          routes.put(QueryHandler.PREFIX, drift.queryHandler());
        }
        if (component instanceof GitIngest git && !config.receivers().isEmpty()) {
          routes.put(WebhookHandler.PREFIX, new WebhookHandler(config.receivers(), git));
        }
      }
      try {
        http = new MetricsHttpServer(registry, httpConfig.socketAddress(), health, routes);
      } catch (IOException e) {
        throw new IllegalStateException(
            "Cannot serve /metrics on "
                + config.http().bindAddress()
                + ":"
                + config.http().port()
                + " ("
                + e.getMessage()
                + "); is another driftwatch running? Set http.port (or DRIFTWATCH_HTTP_PORT) to a free port.",
            e);
      }
      return new Pipeline(broker, servers, List.copyOf(started), http, telemetry);
    } catch (RuntimeException e) {
      closeAll(http, started, broker);
      telemetry.close();
      throw e;
    }
  }

  /**
   * The HTTP settings with port 0 ("any free port", as tests ask) replaced by a free port chosen
   * now: drift-stream must advertise the port its queries are served on before it starts, and the
   * server is bound only after the components have started.
   */
  private static AlertSinkConfig withConcretePort(AlertSinkConfig http) {
    if (http.port() != 0) {
      return http;
    }
    try (ServerSocket probe = new ServerSocket(0)) {
      return new AlertSinkConfig(http.bindAddress(), probe.getLocalPort());
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot find a free port for http.port 0 (" + e.getMessage() + "); set http.port", e);
    }
  }

  private static void provisionTopics(KafkaSettings kafka) {
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      new TopicProvisioner(admin, kafka.partitions(), kafka.replicationFactor(), ADMIN_TIMEOUT)
          .ensure(Topics.all());
    }
  }

  /** The Kafka servers in use: the configured ones or the embedded broker's. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** True when this process runs the embedded broker. */
  public boolean embeddedBroker() {
    return broker != null;
  }

  /** The port actually bound by the HTTP endpoint (useful when {@code http.port} is 0). */
  public int httpPort() {
    return http.port();
  }

  /** The registry behind {@code /metrics}. */
  public PrometheusMeterRegistry registry() {
    return telemetry.registry();
  }

  /** The running components, in start order. */
  public List<Component> components() {
    return components;
  }

  /** A component of the given type, if this process runs it. */
  public <T extends Component> Optional<T> component(Class<T> type) {
    return components.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** Stops the endpoint, then the components in reverse start order, then the broker. */
  @Override
  public void close() {
    closeAll(http, components, broker);
    telemetry.close();
  }

  private static void closeAll(
      MetricsHttpServer http, List<Component> components, EmbeddedKafkaBroker broker) {
    if (http != null) {
      http.close();
    }
    for (int i = components.size() - 1; i >= 0; i--) {
      Component component = components.get(i);
      try {
        component.close();
      } catch (RuntimeException e) {
        LOG.warn("Closing {} failed: {}", component.name(), e.toString());
      }
    }
    if (broker != null) {
      broker.close();
    }
  }
}
