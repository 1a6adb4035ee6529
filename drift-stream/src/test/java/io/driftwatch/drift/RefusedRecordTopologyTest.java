package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.drift.gate.GateSettings;
import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.SyncStatus;
import io.driftwatch.model.serde.Json;
import io.driftwatch.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records drift-stream reads but cannot judge, and records from a newer schema version, through the
 * whole topology: a refused record becomes a dead letter naming the processor, the resource and the
 * fix, the resource keeps its last verdict, and the next record is processed.
 */
class RefusedRecordTopologyTest {

  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static final String SOURCE = "shop-prod";
  private static final ResourceKey WEB = DriftInputs.deployment("prod", "web");

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<ResourceKey, DesiredState> desired;
  private TestInputTopic<ResourceKey, LiveState> live;
  private TestInputTopic<byte[], byte[]> rawDesired;
  private TestInputTopic<byte[], byte[]> rawLive;
  private TestOutputTopic<ResourceKey, DriftStatus> status;
  private TestOutputTopic<ResourceKey, DriftEvent> events;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeEach
  void startDriver() {
    DriftStreamConfig config =
        new DriftStreamConfig(
                "refused-record-test",
                stateDir,
                Duration.ofMillis(100),
                DriftStreamConfig.defaultComparison())
            // Refused records are the subject, not the gate: a difference is drift at once.
            .withGate(new GateSettings(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)));
    Properties props = DriftStream.streamsProperties(config, KafkaSettings.of("unused:9092"));
    // TopologyTestDriver's exactly-once emulation drops the records an exception handler sends
    // (KIP-1034); PoisonRecordIT checks the dead letter under real exactly-once.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    Topology topology = DriftTopology.build(config);
    driver = new TopologyTestDriver(topology, props, START);
    desired = DriverTopics.input(driver, Topics.DESIRED_STATE);
    live = DriverTopics.input(driver, Topics.LIVE_STATE);
    rawDesired =
        driver.createInputTopic(
            Topics.DESIRED_STATE.name(), new ByteArraySerializer(), new ByteArraySerializer());
    rawLive =
        driver.createInputTopic(
            Topics.LIVE_STATE.name(), new ByteArraySerializer(), new ByteArraySerializer());
    status = DriverTopics.output(driver, Topics.DRIFT_STATUS);
    events = DriverTopics.output(driver, Topics.DRIFT_EVENTS);
    deadLetters = DriverTopics.output(driver, Topics.DEAD_LETTER);
    markSourcesSynced(topology);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void recordsOfANewerSchemaVersionWithUnknownFieldsAreJudgedByTheFieldsThisReaderKnows() {
    rawLive.pipeInput(key(), bytes(newerVersion(Json.mapper().valueToTree(liveWeb(2)))));
    rawDesired.pipeInput(key(), bytes(newerVersion(Json.mapper().valueToTree(desiredWeb(2)))));
    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.SYNCED);

    rawLive.pipeInput(key(), bytes(newerVersion(Json.mapper().valueToTree(liveWeb(5)))));

    DriftEvent opened = singleEvent();
    assertThat(opened.transition()).isEqualTo(DriftTransition.OPENED);
    assertThat(opened.diffs())
        .singleElement()
        .satisfies(d -> assertThat(d.path()).isEqualTo("/spec/replicas"));
    assertThat(deadLetters.readValuesToList()).isEmpty();
  }

  @Test
  void liveWithoutManifestFromANewerVersionIsDeadLetteredAndTheNextRecordIsProcessed() {
    startSynced();
    ObjectNode moved = newerVersion(Json.mapper().valueToTree(liveWeb(5)));
    moved.set("object", moved.remove("manifest"));

    rawLive.pipeInput(key(), bytes(moved));

    List<KeyValue<String, DeadLetter>> letters = deadLetters.readKeyValuesToList();
    assertThat(letters).hasSize(1);
    DeadLetter letter = letters.get(0).value;
    assertThat(letters.get(0).key).isEqualTo("gitops.live-state.v1-0@1");
    assertThat(letter.origin()).isEqualTo("gitops.live-state.v1-0@1");
    assertThat(letter.stage()).isEqualTo("drift-stream");
    assertThat(letter.reason())
        .contains("processor " + DriftTopology.EPISODE_PROCESSOR)
        .contains("refused resource " + WEB)
        .contains("live state has no manifest")
        .contains("schemaVersion 2")
        .contains("upgrade drift-stream")
        .doesNotContain("\"replicas\"");
    assertThat(status.readValuesToList()).as("the last verdict stands").isEmpty();
    assertThat(events.readValuesToList()).as("no false MISSING_LIVE").isEmpty();

    live.pipeInput(WEB, liveWeb(5));

    assertThat(singleEvent().transition()).isEqualTo(DriftTransition.OPENED);
  }

  @Test
  void desiredWithoutManifestIsDeadLetteredNotReadAsARemovalThatResolvesTheDrift() {
    startSynced();
    live.pipeInput(WEB, liveWeb(5));
    assertThat(singleEvent().transition()).isEqualTo(DriftTransition.OPENED);
    ObjectNode noManifest = Json.mapper().valueToTree(desiredWeb(2));
    noManifest.remove("manifest");

    rawDesired.pipeInput(key(), bytes(noManifest));

    DeadLetter letter = deadLetters.readValuesToList().get(0);
    assertThat(letter.reason())
        .contains("refused resource " + WEB)
        .contains("desired state has no manifest")
        .contains("tombstone");
    assertThat(events.readValuesToList()).as("the open drift is not resolved").isEmpty();

    live.pipeInput(WEB, liveWeb(2));
    desired.pipeInput(WEB, desiredWeb(2));

    List<DriftEvent> after = events.readValuesToList();
    assertThat(after).extracting(DriftEvent::transition).contains(DriftTransition.RESOLVED);
    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.SYNCED);
  }

  @Test
  void aValueThisReaderCannotReadIsDeadLetteredWithTheFieldAndTheNextRecordIsProcessed() {
    startSynced();
    ObjectNode unknownSignature = Json.mapper().valueToTree(desiredWeb(2));
    unknownSignature.put("signature", "COUNTERSIGNED");

    rawDesired.pipeInput(key(), bytes(unknownSignature));

    DeadLetter letter = deadLetters.readValuesToList().get(0);
    assertThat(letter.reason())
        .contains("Cannot read DesiredState")
        .contains("signature")
        .doesNotContain("COUNTERSIGNED");

    live.pipeInput(WEB, liveWeb(5));

    assertThat(singleEvent().driftType()).isEqualTo(DriftType.MODIFIED);
  }

  /** Live first, then desired: a first sync, SYNCED without any event. */
  private void startSynced() {
    live.pipeInput(WEB, liveWeb(2));
    desired.pipeInput(WEB, desiredWeb(2));
    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.SYNCED);
    assertThat(events.readValuesToList()).isEmpty();
  }

  /**
   * Once drift-stream gates verdicts on source status, a resource is judged only when its sources
   * say so; until the topology reads that topic, the driver refuses input for it.
   */
  private void markSourcesSynced(Topology topology) {
    if (!topology.describe().toString().contains(Topics.SOURCE_STATUS.name())) {
      return;
    }
    TestInputTopic<String, SourceStatus> sources = DriverTopics.input(driver, Topics.SOURCE_STATUS);
    for (SourceStatus synced : DriftInputs.syncedSources(SOURCE, List.of(WEB))) {
      sources.pipeInput(synced.source(), synced);
    }
  }

  /** The record as a later producer would write it: a higher version, fields this one lacks. */
  private static ObjectNode newerVersion(ObjectNode record) {
    record.put("schemaVersion", 2);
    record.put("shard", 7);
    record.putObject("provenance").put("writer", "ingest 9.0").putArray("hops").add("edge");
    return record;
  }

  private static LiveState liveWeb(int replicas) {
    return DriftInputs.live(WEB, replicas);
  }

  private static DesiredState desiredWeb(int replicas) {
    return DriftInputs.desired(WEB, SOURCE, replicas);
  }

  private static byte[] key() {
    return WEB.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(ObjectNode json) {
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private DriftStatus lastStatus() {
    List<DriftStatus> statuses = status.readValuesToList();
    assertThat(statuses).as("statuses published").isNotEmpty();
    return statuses.get(statuses.size() - 1);
  }

  private DriftEvent singleEvent() {
    List<DriftEvent> published = events.readValuesToList();
    assertThat(published).as("events published").hasSize(1);
    return published.get(0);
  }
}
