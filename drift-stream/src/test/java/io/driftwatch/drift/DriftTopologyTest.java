package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.drift.gate.GateSettings;
import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.FieldOwner;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceOrigin;
import io.driftwatch.model.SourcePhase;
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
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftTopologyTest {

  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static final ResourceKey WEB =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<ResourceKey, DesiredState> desired;
  private TestInputTopic<ResourceKey, LiveState> live;
  private TestInputTopic<byte[], byte[]> rawDesired;
  private TestOutputTopic<ResourceKey, DriftStatus> status;
  private TestOutputTopic<ResourceKey, DriftEvent> events;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeEach
  void startDriver() {
    DriftStreamConfig config =
        new DriftStreamConfig(
                "drift-topology-test",
                stateDir,
                Duration.ofMillis(100),
                DriftStreamConfig.defaultComparison())
            // Episodes are this class's subject: a difference is drift at once. The gate's
            // UNKNOWN and PENDING rules are DriftGateTopologyTest's.
            .withGate(new GateSettings(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)));
    Properties props = DriftStream.streamsProperties(config, KafkaSettings.of("unused:9092"));
    // TopologyTestDriver's exactly-once emulation drops the records a deserialization handler
    // sends (KIP-1034); DriftStreamIT checks the dead letter under real exactly-once.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    driver = new TopologyTestDriver(DriftTopology.build(config), props, START);
    desired = DriverTopics.input(driver, Topics.DESIRED_STATE);
    live = DriverTopics.input(driver, Topics.LIVE_STATE);
    rawDesired =
        driver.createInputTopic(
            Topics.DESIRED_STATE.name(), new ByteArraySerializer(), new ByteArraySerializer());
    status = DriverTopics.output(driver, Topics.DRIFT_STATUS);
    events = DriverTopics.output(driver, Topics.DRIFT_EVENTS);
    deadLetters = DriverTopics.output(driver, Topics.DEAD_LETTER);
    TestInputTopic<String, SourceStatus> sources = DriverTopics.input(driver, Topics.SOURCE_STATUS);
    Instant listed = START.minusSeconds(60);
    for (String source :
        List.of(
            SourceStatus.gitSource("shop-prod"),
            SourceStatus.clusterSource("prod", "apps", "Deployment"))) {
      sources.pipeInput(
          source,
          SourceStatus.of(source, SourceOrigin.GIT, SourcePhase.SYNCED, COMMIT, 1, listed, null),
          listed);
    }
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void syncedResourcePublishesSyncedStatusAndNoEvent() {
    live.pipeInput(WEB, liveWeb(2, "web:1"));
    desired.pipeInput(WEB, desiredWeb(2, "web:1"));

    DriftStatus current = lastStatus();
    assertThat(current.syncStatus()).isEqualTo(SyncStatus.SYNCED);
    assertThat(current.driftType()).isEqualTo(DriftType.NONE);
    assertThat(current.desiredCommit()).isEqualTo(COMMIT);
    assertThat(events.readValuesToList()).isEmpty();
  }

  @Test
  void scaledLiveOpensModifiedEpisodeWithReplicaDiff() {
    startSynced();
    driver.advanceWallClockTime(Duration.ofSeconds(30));

    live.pipeInput(WEB, liveWeb(5, "web:1"));

    DriftEvent opened = singleEvent();
    assertThat(opened.transition()).isEqualTo(DriftTransition.OPENED);
    assertThat(opened.driftType()).isEqualTo(DriftType.MODIFIED);
    assertThat(opened.diffs())
        .containsExactly(new FieldDiff("/spec/replicas", IntNode.valueOf(2), IntNode.valueOf(5)));
    assertThat(opened.openedAt()).isEqualTo(START.plusSeconds(30));
    assertThat(opened.durationMillis()).isNull();
    DriftStatus current = lastStatus();
    assertThat(current.syncStatus()).isEqualTo(SyncStatus.OUT_OF_SYNC);
    assertThat(current.driftType()).isEqualTo(DriftType.MODIFIED);
    assertThat(current.since()).isEqualTo(START.plusSeconds(30));
  }

  @Test
  void aFlappingResourceHasOneOpenedAndOneResolvedPerEpisode() {
    startSynced();
    for (int flap = 0; flap < 3; flap++) {
      driver.advanceWallClockTime(Duration.ofSeconds(10));
      live.pipeInput(WEB, liveWeb(5, "web:1"));
      live.pipeInput(WEB, liveWeb(5, "web:1"));
      driver.advanceWallClockTime(Duration.ofSeconds(5));
      live.pipeInput(WEB, liveWeb(2, "web:1"));
    }

    List<DriftEvent> published = events.readValuesToList();
    assertThat(published)
        .extracting(DriftEvent::transition)
        .containsExactly(
            DriftTransition.OPENED,
            DriftTransition.RESOLVED,
            DriftTransition.OPENED,
            DriftTransition.RESOLVED,
            DriftTransition.OPENED,
            DriftTransition.RESOLVED);
    assertThat(published)
        .filteredOn(e -> e.transition() == DriftTransition.RESOLVED)
        .extracting(DriftEvent::durationMillis)
        .containsOnly(5_000L);
  }

  @Test
  void theDriftEventNamesWhoSetTheFieldFromLiveManagedFields() throws JsonProcessingException {
    startSynced();
    ArrayNode managedFields =
        (ArrayNode)
            Json.mapper()
                .readTree(
                    "[{\"manager\":\"kubectl-scale\",\"operation\":\"Update\","
                        + "\"time\":\"2026-03-01T10:05:00Z\",\"subresource\":\"scale\","
                        + "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:spec\":{\"f:replicas\":{}}}}]");

    live.pipeInput(
        WEB, LiveState.of(WEB, "43", START, deployment(5, "web:1", true), null, managedFields));

    DriftEvent opened = singleEvent();
    assertThat(opened.diffs())
        .containsExactly(
            new FieldDiff(
                "/spec/replicas",
                IntNode.valueOf(2),
                IntNode.valueOf(5),
                new FieldOwner("kubectl-scale", "Update", Instant.parse("2026-03-01T10:05:00Z"))));
  }

  @Test
  void anotherFieldChangingWhileOpenEmitsUpdated() {
    startSynced();
    live.pipeInput(WEB, liveWeb(5, "web:1"));
    events.readValuesToList();
    driver.advanceWallClockTime(Duration.ofSeconds(10));

    live.pipeInput(WEB, liveWeb(5, "web:2"));

    DriftEvent updated = singleEvent();
    assertThat(updated.transition()).isEqualTo(DriftTransition.UPDATED);
    assertThat(updated.diffs())
        .extracting(FieldDiff::path)
        .containsExactlyInAnyOrder("/spec/replicas", "/spec/template/spec/containers/0/image");
    assertThat(updated.openedAt()).isEqualTo(START);
    assertThat(updated.at()).isEqualTo(START.plusSeconds(10));
    assertThat(lastStatus().since()).as("still the same MODIFIED status").isEqualTo(START);
  }

  @Test
  void changedValueAtTheSamePathUpdatesStatusButEmitsNoEvent() {
    startSynced();
    live.pipeInput(WEB, liveWeb(5, "web:1"));
    events.readValuesToList();
    status.readValuesToList();

    live.pipeInput(WEB, liveWeb(7, "web:1"));

    assertThat(events.readValuesToList()).isEmpty();
    assertThat(lastStatus().diffs())
        .containsExactly(new FieldDiff("/spec/replicas", IntNode.valueOf(2), IntNode.valueOf(7)));
  }

  @Test
  void scalingBackResolvesWithEpisodeDurationAndSyncedStatus() {
    startSynced();
    live.pipeInput(WEB, liveWeb(5, "web:1"));
    events.readValuesToList();
    driver.advanceWallClockTime(Duration.ofSeconds(90));

    live.pipeInput(WEB, liveWeb(2, "web:1"));

    DriftEvent resolved = singleEvent();
    assertThat(resolved.transition()).isEqualTo(DriftTransition.RESOLVED);
    assertThat(resolved.driftType()).isEqualTo(DriftType.MODIFIED);
    assertThat(resolved.diffs()).isEmpty();
    assertThat(resolved.openedAt()).isEqualTo(START);
    assertThat(resolved.at()).isEqualTo(START.plusSeconds(90));
    assertThat(resolved.durationMillis()).isEqualTo(90_000L);
    DriftStatus current = lastStatus();
    assertThat(current.syncStatus()).isEqualTo(SyncStatus.SYNCED);
    assertThat(current.driftType()).isEqualTo(DriftType.NONE);
  }

  @Test
  void repeatedIdenticalLiveUpdatesPublishNothingNew() {
    startSynced();
    live.pipeInput(WEB, liveWeb(5, "web:1"));
    events.readValuesToList();
    status.readValuesToList();

    for (int i = 0; i < 3; i++) {
      driver.advanceWallClockTime(Duration.ofSeconds(5));
      live.pipeInput(WEB, liveWeb(5, "web:1"));
    }

    assertThat(events.readValuesToList()).isEmpty();
    assertThat(status.readValuesToList()).isEmpty();
  }

  @Test
  void desiredWithoutLiveIsMissingLive() {
    desired.pipeInput(WEB, desiredWeb(2, "web:1"));

    DriftEvent opened = singleEvent();
    assertThat(opened.transition()).isEqualTo(DriftTransition.OPENED);
    assertThat(opened.driftType()).isEqualTo(DriftType.MISSING_LIVE);
    DriftStatus current = lastStatus();
    assertThat(current.syncStatus()).isEqualTo(SyncStatus.OUT_OF_SYNC);
    assertThat(current.driftType()).isEqualTo(DriftType.MISSING_LIVE);
  }

  @Test
  void driftTypeChangeWhileOpenEmitsUpdated() {
    desired.pipeInput(WEB, desiredWeb(2, "web:1"));
    events.readValuesToList();

    live.pipeInput(WEB, liveWeb(3, "web:1"));

    DriftEvent updated = singleEvent();
    assertThat(updated.transition()).isEqualTo(DriftTransition.UPDATED);
    assertThat(updated.driftType()).isEqualTo(DriftType.MODIFIED);
  }

  @Test
  void bothTombstonedPublishesStatusTombstoneAndResolvesOpenEpisode() {
    startSynced();
    live.pipeInput(WEB, liveWeb(5, "web:1"));
    events.readValuesToList();
    status.readValuesToList();
    driver.advanceWallClockTime(Duration.ofSeconds(20));

    desired.pipeInput(WEB, (DesiredState) null);
    live.pipeInput(WEB, (LiveState) null);

    List<KeyValue<ResourceKey, DriftStatus>> statuses = status.readKeyValuesToList();
    assertThat(statuses)
        .last()
        .satisfies(
            kv -> {
              assertThat(kv.key).isEqualTo(WEB);
              assertThat(kv.value).as("tombstone").isNull();
            });
    DriftEvent resolved = singleEvent();
    assertThat(resolved.transition()).isEqualTo(DriftTransition.RESOLVED);
    assertThat(resolved.durationMillis()).isEqualTo(20_000L);
  }

  @Test
  void removingDesiredOfASyncedResourceTombstonesItsStatusWithoutEvent() {
    startSynced();

    desired.pipeInput(WEB, (DesiredState) null);

    List<KeyValue<ResourceKey, DriftStatus>> statuses = status.readKeyValuesToList();
    assertThat(statuses).containsExactly(KeyValue.pair(WEB, null));
    assertThat(events.readValuesToList()).isEmpty();
  }

  @Test
  void liveOnlyResourcePublishesNothing() {
    live.pipeInput(WEB, liveWeb(2, "web:1"));
    live.pipeInput(WEB, (LiveState) null);

    assertThat(status.readKeyValuesToList()).isEmpty();
    assertThat(events.readValuesToList()).isEmpty();
  }

  @Test
  void unreadableRecordGoesToDeadLetterAndNextRecordIsStillProcessed() {
    rawDesired.pipeInput(
        WEB.toString().getBytes(StandardCharsets.UTF_8),
        "{\"schemaVersion\": 1, \"manifest\": [not json".getBytes(StandardCharsets.UTF_8));
    rawDesired.pipeInput(
        "not-a-resource-key".getBytes(StandardCharsets.UTF_8),
        "{}".getBytes(StandardCharsets.UTF_8));

    desired.pipeInput(WEB, desiredWeb(2, "web:1"));

    List<KeyValue<String, DeadLetter>> letters = deadLetters.readKeyValuesToList();
    assertThat(letters).hasSize(2);
    DeadLetter badValue = letters.get(0).value;
    assertThat(letters.get(0).key).isEqualTo("gitops.desired-state.v1-0@0");
    assertThat(badValue.stage()).isEqualTo("drift-stream");
    assertThat(badValue.origin()).isEqualTo("gitops.desired-state.v1-0@0");
    assertThat(badValue.reason()).contains("Cannot read DesiredState");
    assertThat(badValue.reason()).doesNotContain("[not json");
    DeadLetter badKey = letters.get(1).value;
    assertThat(badKey.origin()).isEqualTo("gitops.desired-state.v1-0@1");
    assertThat(badKey.reason()).contains("Bad record key");
    assertThat(lastStatus().driftType()).isEqualTo(DriftType.MISSING_LIVE);
  }

  /** Live first, as after a first sync: desired alone would be MISSING_LIVE. */
  private void startSynced() {
    live.pipeInput(WEB, liveWeb(2, "web:1"));
    desired.pipeInput(WEB, desiredWeb(2, "web:1"));
    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.SYNCED);
    assertThat(events.readValuesToList()).isEmpty();
  }

  private DriftStatus lastStatus() {
    List<KeyValue<ResourceKey, DriftStatus>> statuses = status.readKeyValuesToList();
    assertThat(statuses).as("statuses published").isNotEmpty();
    KeyValue<ResourceKey, DriftStatus> last = statuses.get(statuses.size() - 1);
    assertThat(last.key).isEqualTo(WEB);
    return last.value;
  }

  private DriftEvent singleEvent() {
    List<KeyValue<ResourceKey, DriftEvent>> published = events.readKeyValuesToList();
    assertThat(published).as("events published").hasSize(1);
    assertThat(published.get(0).key).isEqualTo(WEB);
    return published.get(0).value;
  }

  private static DesiredState desiredWeb(int replicas, String image) {
    return DesiredState.of(
        WEB, "shop-prod", COMMIT, START, "apps/web.yaml", deployment(replicas, image, false));
  }

  private static LiveState liveWeb(int replicas, String image) {
    return LiveState.of(WEB, "42", START, deployment(replicas, image, true), null, null);
  }

  private static ObjectNode deployment(int replicas, String image, boolean asLive) {
    String extra = asLive ? ",'progressDeadlineSeconds':600" : "";
    String containerExtra = asLive ? ",'imagePullPolicy':'IfNotPresent'" : "";
    String json =
        "{'apiVersion':'apps/v1','kind':'Deployment',"
            + "'metadata':{'name':'web','namespace':'shop','labels':{'app':'web'}},"
            + "'spec':{'replicas':"
            + replicas
            + extra
            + ",'template':{'spec':{'containers':[{'name':'web','image':'"
            + image
            + "'"
            + containerExtra
            + "}]}}}}";
    try {
      return (ObjectNode) Json.mapper().readTree(json.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
