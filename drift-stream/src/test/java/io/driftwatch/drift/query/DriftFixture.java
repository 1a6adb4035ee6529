package io.driftwatch.drift.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.drift.DriftStream;
import io.driftwatch.drift.DriftStreamConfig;
import io.driftwatch.drift.DriftTopology;
import io.driftwatch.drift.DriverTopics;
import io.driftwatch.drift.gate.GateSettings;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceOrigin;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.serde.Json;
import io.driftwatch.model.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The real drift topology ({@link DriftTopology#build}) with {@link TransitionHistory} attached
 * below its transitions, on a TopologyTestDriver, fed desired and live resources as ingest would
 * publish them. When the topology reads source status, every source a resource comes from is first
 * marked SYNCED, so that verdicts are not held as UNKNOWN.
 */
final class DriftFixture implements AutoCloseable {

  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  static final String SOURCE = "fixture-source";
  static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  private final TopologyTestDriver driver;
  private final boolean readsSourceStatus;
  private final Set<String> markedSources = new HashSet<>();
  private final TestInputTopic<ResourceKey, DesiredState> desired;
  private final TestInputTopic<ResourceKey, LiveState> live;
  private final TestInputTopic<String, SourceStatus> sources;

  DriftFixture(Path stateDir, String applicationId) {
    DriftStreamConfig config =
        new DriftStreamConfig(
                applicationId,
                stateDir,
                Duration.ofMillis(100),
                DriftStreamConfig.defaultComparison())
            // Queries are the subject here, not the gate: a difference is drift at once.
            .withGate(new GateSettings(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)));
    Topology topology = DriftTopology.build(config);
    readsSourceStatus = topology.describe().toString().contains(Topics.SOURCE_STATUS.name());
    Properties props = DriftStream.streamsProperties(config, KafkaSettings.of("unused:9092"));
    // As in DriftTopologyTest: the driver's exactly-once emulation is not what is tested here.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    driver = new TopologyTestDriver(topology, props, START);
    desired = DriverTopics.input(driver, Topics.DESIRED_STATE);
    live = DriverTopics.input(driver, Topics.LIVE_STATE);
    sources = DriverTopics.input(driver, Topics.SOURCE_STATUS);
  }

  TopologyTestDriver driver() {
    return driver;
  }

  /** Git declares a Deployment-like resource with {@code replicas}. */
  void desired(ResourceKey key, int replicas) {
    markSynced(SourceStatus.gitSource(SOURCE), SourceOrigin.GIT);
    // The cluster has listed the kind, so a desired resource without live is MISSING_LIVE.
    markSynced(
        SourceStatus.clusterSource(key.cluster(), key.group(), key.kind()), SourceOrigin.CLUSTER);
    desired.pipeInput(
        key,
        DesiredState.of(
            key, SOURCE, COMMIT, START, "apps/" + key.name() + ".yaml", manifest(key, replicas)));
  }

  /** The cluster has the resource with {@code replicas}. */
  void live(ResourceKey key, int replicas) {
    markSynced(
        SourceStatus.clusterSource(key.cluster(), key.group(), key.kind()), SourceOrigin.CLUSTER);
    live.pipeInput(key, LiveState.of(key, "1", START, manifest(key, replicas), null, null));
  }

  /** A resource in sync: desired and live agree. */
  void synced(ResourceKey key) {
    live(key, 2);
    desired(key, 2);
  }

  /** A resource drifted: live has 5 replicas where Git says 2. */
  void modified(ResourceKey key) {
    live(key, 5);
    desired(key, 2);
  }

  private void markSynced(String source, SourceOrigin origin) {
    if (readsSourceStatus && markedSources.add(source)) {
      sources.pipeInput(
          source, SourceStatus.of(source, origin, SourcePhase.SYNCED, COMMIT, 1, START, null));
    }
  }

  static ObjectNode manifest(ResourceKey key, int replicas) {
    String apiVersion = key.group().isEmpty() ? "v1" : key.group() + "/v1";
    String json =
        "{\"apiVersion\":\""
            + apiVersion
            + "\",\"kind\":\""
            + key.kind()
            + "\",\"metadata\":{\"name\":\""
            + key.name()
            + "\",\"namespace\":\""
            + key.namespace()
            + "\",\"labels\":{\"app.kubernetes.io/name\":\""
            + key.name()
            + "\"}},\"spec\":{\"replicas\":"
            + replicas
            + "}}";
    try {
      return (ObjectNode) Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public void close() {
    driver.close();
  }
}
