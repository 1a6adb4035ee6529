package io.driftwatch.bench.stream;

import io.driftwatch.model.topic.Topics;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The reference the drift topology is measured against: desired and live copied unchanged, as
 * bytes, to one output topic of the same partition count, under the same Streams settings
 * (exactly-once, commit interval, handlers). What it costs is what reading, writing and committing
 * the records costs; whatever the drift topology costs beyond it is its own work.
 */
final class PassthroughTopology {

  static final String OUTPUT = "bench.passthrough.v1";
  static final String DESIRED_SOURCE = "passthrough-desired-source";
  static final String LIVE_SOURCE = "passthrough-live-source";
  static final String DESIRED_SINK = "passthrough-desired-sink";
  static final String LIVE_SINK = "passthrough-live-sink";

  private PassthroughTopology() {}

  static Topology build(String applicationId) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "topology-build-only:9092");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
    builder.stream(Topics.DESIRED_STATE.name(), bytesIn().withName(DESIRED_SOURCE))
        .to(OUTPUT, bytesOut().withName(DESIRED_SINK));
    builder.stream(Topics.LIVE_STATE.name(), bytesIn().withName(LIVE_SOURCE))
        .to(OUTPUT, bytesOut().withName(LIVE_SINK));
    return builder.build();
  }

  private static Consumed<byte[], byte[]> bytesIn() {
    return Consumed.with(Serdes.ByteArray(), Serdes.ByteArray());
  }

  private static Produced<byte[], byte[]> bytesOut() {
    return Produced.with(Serdes.ByteArray(), Serdes.ByteArray());
  }
}
