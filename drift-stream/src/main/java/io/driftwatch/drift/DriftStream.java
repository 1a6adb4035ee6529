package io.driftwatch.drift;

import io.driftwatch.drift.query.ApplicationServer;
import io.driftwatch.drift.query.QueryHandler;
import io.driftwatch.model.Component;
import io.driftwatch.model.KafkaSettings;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drift-stream component: runs {@link DriftTopology} on Kafka Streams, exactly once. The {@link
 * KafkaStreams} instance is created in the constructor so that the launcher can bind its metrics
 * before {@link #start()}.
 */
public final class DriftStream implements Component {

  public static final String NAME = "drift-stream";

  private static final Logger LOG = LoggerFactory.getLogger(DriftStream.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final HostInfo advertised;

  /** A drift-stream without the query API (no {@code application.server}). */
  public DriftStream(DriftStreamConfig config, KafkaSettings kafka) {
    this(config, kafka, 0);
  }

  /**
   * @param queryPort the port this process serves the query API on, advertised with {@code
   *     config.queries().advertisedHost()} as Kafka Streams' {@code application.server} so that
   *     other instances forward queries for the keys this one owns; 0 when the port is not known in
   *     advance, and then the instance answers for its own partitions only
   */
  public DriftStream(DriftStreamConfig config, KafkaSettings kafka, int queryPort) {
    Properties props = streamsProperties(config, kafka);
    this.advertised =
        queryPort > 0
            ? ApplicationServer.configure(props, config.queries().advertisedHost(), queryPort)
            : HostInfo.unavailable();
    this.streams = new KafkaStreams(DriftTopology.build(config), props);
    streams.setUncaughtExceptionHandler(new FatalErrorHandler());
    streams.setStateListener(
        (next, previous) -> {
          if (next == KafkaStreams.State.ERROR) {
            LOG.error("drift-stream went from {} to {}: it has stopped processing", previous, next);
          } else {
            LOG.info("drift-stream went from {} to {}", previous, next);
          }
        });
  }

  /**
   * The Streams configuration: the client properties from {@code kafka} first, then the settings
   * drift-stream relies on (exactly-once, explicit naming, the dead-letter handlers for unreadable
   * records and for records a processor refuses), which win.
   */
  @SuppressWarnings("deprecation") // see PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG below
  public static Properties streamsProperties(DriftStreamConfig config, KafkaSettings kafka) {
    Properties props = kafka.clientConfig();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class);
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
    // The global stores (source and reconciler status) get the same dead-letter handling. Kafka
    // Streams 4.x warns at start-up without this setting and deprecates it because it becomes the
    // only behaviour in 5.0.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    kafka
        .replicationFactor()
        .ifPresent(rf -> props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) rf));
    return props;
  }

  /** The query API over this instance's stores, forwarding to the owner of a key when needed. */
  public QueryHandler queryHandler() {
    if (HostInfo.unavailable().equals(advertised)) {
      throw new IllegalStateException(
          "drift-stream was created without a query port: Kafka Streams cannot place keys on"
              + " instances without application.server; pass the HTTP port the queries are served on");
    }
    return QueryHandler.forDriftStream(streams, advertised);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The Streams client, for binding its metrics (Micrometer's KafkaStreamsMetrics). */
  public KafkaStreams kafkaStreams() {
    return streams;
  }

  @Override
  public void start() {
    try {
      streams.start();
    } catch (RuntimeException e) {
      LOG.error("drift-stream could not start: {}", e.getMessage(), e);
    }
  }

  @Override
  public boolean healthy() {
    KafkaStreams.State state = streams.state();
    return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
  }

  @Override
  public void close() {
    try {
      // Leaving the group hands the partitions over at once; otherwise a restarted or surviving
      // instance waits a whole session timeout (45 s) before it processes them.
      streams.close(
          CloseOptions.timeout(CLOSE_TIMEOUT)
              .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    } catch (RuntimeException e) {
      LOG.warn("drift-stream did not close cleanly: {}", e.getMessage(), e);
    }
  }
}
