package io.driftwatch.drift;

import io.driftwatch.model.Component;
import io.driftwatch.model.KafkaSettings;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
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

  public DriftStream(DriftStreamConfig config, KafkaSettings kafka) {
    this.streams = new KafkaStreams(DriftTopology.build(config), streamsProperties(config, kafka));
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
    // drift-stream has no global tables; set anyway, as Kafka Streams 4.x asks, so that one added
    // later gets the same handling (the default from Kafka 5.0).
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    kafka
        .replicationFactor()
        .ifPresent(rf -> props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) rf));
    return props;
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
