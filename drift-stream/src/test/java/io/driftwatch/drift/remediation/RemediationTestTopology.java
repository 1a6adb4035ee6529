package io.driftwatch.drift.remediation;

import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The smallest topology remediation runs in: the desired table materialised as DriftTopology does
 * it, and the drift transitions read from their topic, with explicit naming enforced.
 */
final class RemediationTestTopology {

  static final String DESIRED_STORE = "desired-store";

  private RemediationTestTopology() {}

  static Topology build(
      String applicationId,
      RemediationPolicy policy,
      RemediationBackoff backoff,
      Duration tickInterval) {
    Properties naming = new Properties();
    naming.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    naming.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "topology-build-only:9092");
    naming.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(naming)));
    builder.table(
        Topics.DESIRED_STATE.name(),
        Consumed.with(Topics.DESIRED_STATE.keySerde(), Topics.DESIRED_STATE.valueSerde())
            .withName("desired-table"),
        Materialized.<ResourceKey, DesiredState, KeyValueStore<Bytes, byte[]>>as(DESIRED_STORE)
            .withKeySerde(Topics.DESIRED_STATE.keySerde())
            .withValueSerde(Topics.DESIRED_STATE.valueSerde()));
    KStream<ResourceKey, DriftEvent> transitions =
        builder.stream(
            Topics.DRIFT_EVENTS.name(),
            Consumed.with(Topics.DRIFT_EVENTS.keySerde(), Topics.DRIFT_EVENTS.valueSerde())
                .withName("drift-events-source"));
    RemediationTopology.attach(builder, transitions, DESIRED_STORE, policy, backoff, tickInterval);
    return builder.build();
  }
}
