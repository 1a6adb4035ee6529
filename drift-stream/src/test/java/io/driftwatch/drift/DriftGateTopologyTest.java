package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceOrigin;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.SyncStatus;
import io.driftwatch.model.serde.Json;
import io.driftwatch.model.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate in the topology: no MISSING_LIVE or EXTRA_LIVE before the side that proves absence is
 * authoritative (at start-up and after a re-list), and a commit the reconciler has not applied is
 * PENDING until the grace period (5 minutes, the default) runs out. Held verdicts are judged again
 * by the wall-clock punctuator, so these tests advance the clock rather than send more input.
 */
class DriftGateTopologyTest {

  private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
  private static final ResourceKey WEB =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");
  private static final ResourceKey APPS =
      new ResourceKey(
          "prod", "kustomize.toolkit.fluxcd.io", "Kustomization", "flux-system", "apps");
  private static final String SOURCE = "shop-prod";
  private static final String GIT = SourceStatus.gitSource(SOURCE);
  private static final String DEPLOYMENTS =
      SourceStatus.clusterSource("prod", "apps", "Deployment");
  private static final String C1 = "1111111111111111111111111111111111111111";
  private static final String C2 = "2222222222222222222222222222222222222222";
  private static final Instant LONG_AGO = START.minus(Duration.ofDays(3));

  @TempDir Path stateDir;

  private Instant clock = START;

  private TopologyTestDriver driver;
  private TestInputTopic<ResourceKey, DesiredState> desired;
  private TestInputTopic<ResourceKey, LiveState> live;
  private TestInputTopic<String, SourceStatus> sources;
  private TestInputTopic<ResourceKey, ReconcilerStatus> reconcilers;
  private TestOutputTopic<ResourceKey, DriftStatus> status;
  private TestOutputTopic<ResourceKey, DriftEvent> events;

  @BeforeEach
  void startDriver() {
    DriftStreamConfig config =
        new DriftStreamConfig(
            "drift-gate-test",
            stateDir,
            Duration.ofMillis(100),
            DriftStreamConfig.defaultComparison());
    Properties props = DriftStream.streamsProperties(config, KafkaSettings.of("unused:9092"));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    driver = new TopologyTestDriver(DriftTopology.build(config), props, START);
    desired = DriverTopics.input(driver, Topics.DESIRED_STATE);
    live = DriverTopics.input(driver, Topics.LIVE_STATE);
    sources = DriverTopics.input(driver, Topics.SOURCE_STATUS);
    reconcilers = DriverTopics.input(driver, Topics.RECONCILER_STATUS);
    status = DriverTopics.output(driver, Topics.DRIFT_STATUS);
    events = DriverTopics.output(driver, Topics.DRIFT_EVENTS);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void atStartUpADesiredResourceIsUnknownUntilTheClusterHasListedItsKind() {
    source(GIT, SourcePhase.SYNCED, C1);
    source(DEPLOYMENTS, SourcePhase.LISTING, null);
    desired.pipeInput(WEB, desiredWeb(2, C1, LONG_AGO), START);

    DriftStatus unknown = lastStatus();
    assertThat(unknown.syncStatus()).isEqualTo(SyncStatus.UNKNOWN);
    assertThat(unknown.driftType()).isEqualTo(DriftType.NONE);
    assertThat(unknown.reason()).isEqualTo(DEPLOYMENTS + " is LISTING");

    live.pipeInput(WEB, liveWeb(2, null), START);
    source(DEPLOYMENTS, SourcePhase.SYNCED, "list-1");
    tick(Duration.ofSeconds(15));

    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.SYNCED);
    assertThat(events.readValuesToList()).as("no false MISSING_LIVE was ever published").isEmpty();
  }

  @Test
  void anObjectReallyAbsentAfterTheListIsMissingLiveWithoutNewInput() {
    source(DEPLOYMENTS, SourcePhase.LISTING, null);
    desired.pipeInput(WEB, desiredWeb(2, C1, LONG_AGO), START);
    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.UNKNOWN);

    source(DEPLOYMENTS, SourcePhase.SYNCED, "list-1");
    tick(Duration.ofSeconds(15));

    DriftEvent opened = singleEvent();
    assertThat(opened.transition()).isEqualTo(DriftTransition.OPENED);
    assertThat(opened.driftType()).isEqualTo(DriftType.MISSING_LIVE);
    assertThat(opened.cause().commit()).isEqualTo(C1);
    assertThat(lastStatus().driftType()).isEqualTo(DriftType.MISSING_LIVE);
  }

  @Test
  void afterAReListATombstoneIsUnknownUntilTheReListHasFinished() {
    source(DEPLOYMENTS, SourcePhase.SYNCED, "list-1");
    live.pipeInput(WEB, liveWeb(2, APPS), START);
    desired.pipeInput(WEB, desiredWeb(2, C1, LONG_AGO), START);
    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.SYNCED);

    source(DEPLOYMENTS, SourcePhase.RELISTING, "list-1");
    live.pipeInput(WEB, null, START.plusSeconds(1));
    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.UNKNOWN);
    tick(Duration.ofMinutes(1));
    assertThat(events.readValuesToList()).isEmpty();

    live.pipeInput(WEB, liveWeb(2, APPS), START.plusSeconds(70));
    source(DEPLOYMENTS, SourcePhase.SYNCED, "list-2");
    tick(Duration.ofSeconds(15));
    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.SYNCED);
    assertThat(events.readValuesToList()).as("the object came back with the re-list").isEmpty();
  }

  @Test
  void aCommitTheReconcilerHasNotAppliedIsPendingThenDriftWhenTheGracePeriodRunsOut() {
    syncedAt(C1);
    reconcilers.pipeInput(APPS, Reconcilers.applied(APPS, "main@sha1:" + C1, START), START);

    Instant committed = START.plusSeconds(10);
    desired.pipeInput(WEB, desiredWeb(3, C2, committed), START.plusSeconds(10));

    DriftStatus pending = lastStatus();
    assertThat(pending.syncStatus()).isEqualTo(SyncStatus.PENDING);
    assertThat(pending.desiredCommit()).isEqualTo(C2);
    assertThat(pending.reason())
        .startsWith("waiting for Kustomization flux-system/apps to apply 222222222222");
    assertThat(pending.diffs()).as("what the commit will change").hasSize(1);

    tick(Duration.ofMinutes(4));
    assertThat(status.readValuesToList()).isEmpty();
    assertThat(events.readValuesToList()).isEmpty();

    tick(Duration.ofMinutes(1).plusSeconds(15));
    DriftEvent opened = singleEvent();
    assertThat(opened.transition()).isEqualTo(DriftTransition.OPENED);
    assertThat(opened.driftType()).isEqualTo(DriftType.MODIFIED);
    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.OUT_OF_SYNC);
  }

  @Test
  void aPendingCommitThatTheReconcilerAppliesBecomesSyncedWithoutAnyDrift() {
    syncedAt(C1);
    reconcilers.pipeInput(APPS, Reconcilers.applied(APPS, "main@sha1:" + C1, START), START);
    desired.pipeInput(WEB, desiredWeb(3, C2, START.plusSeconds(10)), START.plusSeconds(10));
    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.PENDING);

    tick(Duration.ofMinutes(1));
    live.pipeInput(WEB, liveWeb(3, APPS), START.plusSeconds(70));
    reconcilers.pipeInput(
        APPS, Reconcilers.applied(APPS, "main@sha1:" + C2, START), START.plusSeconds(71));

    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.SYNCED);
    tick(Duration.ofMinutes(10));
    assertThat(events.readValuesToList()).isEmpty();
  }

  @Test
  void whenTheReconcilerSaysItAppliedTheCommitButLiveDiffersItIsDriftAtOnce() {
    syncedAt(C1);
    reconcilers.pipeInput(APPS, Reconcilers.applied(APPS, "main@sha1:" + C1, START), START);
    desired.pipeInput(WEB, desiredWeb(3, C2, START.plusSeconds(10)), START.plusSeconds(10));
    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.PENDING);

    reconcilers.pipeInput(
        APPS, Reconcilers.applied(APPS, "main@sha1:" + C2, START), START.plusSeconds(20));
    tick(Duration.ofSeconds(2));

    assertThat(singleEvent().transition()).isEqualTo(DriftTransition.OPENED);
    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.OUT_OF_SYNC);
  }

  @Test
  void anOpenDriftStaysOneEpisodeThroughAPendingCommit() {
    syncedAt(C1);
    reconcilers.pipeInput(APPS, Reconcilers.applied(APPS, "main@sha1:" + C1, START), START);
    live.pipeInput(WEB, liveWeb(5, APPS), START.plusSeconds(5));
    assertThat(singleEvent().transition()).isEqualTo(DriftTransition.OPENED);

    // A new commit changes the image; the hand-scaled replicas still differ.
    desired.pipeInput(WEB, desiredWeb(2, C2, START.plusSeconds(30)), START.plusSeconds(30));
    DriftStatus pending = lastStatus();
    assertThat(pending.syncStatus()).isEqualTo(SyncStatus.PENDING);
    assertThat(pending.openedAt()).as("the episode stays open").isNotNull();

    reconcilers.pipeInput(
        APPS, Reconcilers.applied(APPS, "main@sha1:" + C2, START), START.plusSeconds(40));
    tick(Duration.ofSeconds(2));
    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.OUT_OF_SYNC);
    assertThat(events.readValuesToList())
        .as("same shape after the interlude: no second OPENED, no UPDATED")
        .isEmpty();

    live.pipeInput(WEB, liveWeb(2, APPS), START.plusSeconds(60));
    DriftEvent resolved = singleEvent();
    assertThat(resolved.transition()).isEqualTo(DriftTransition.RESOLVED);
    assertThat(resolved.driftType()).isEqualTo(DriftType.MODIFIED);
  }

  @Test
  void aManagedObjectRemovedFromGitIsExtraLiveOnceTheSourceRenderedAndTheReconcilerApplied() {
    syncedAt(C1);
    reconcilers.pipeInput(APPS, Reconcilers.applied(APPS, "main@sha1:" + C1, START), START);

    source(GIT, SourcePhase.RENDERING, C1);
    desired.pipeInput(WEB, null, START.plusSeconds(20));
    DriftStatus unknown = lastStatus();
    assertThat(unknown.syncStatus()).isEqualTo(SyncStatus.UNKNOWN);
    assertThat(unknown.reason()).isEqualTo(GIT + " is RENDERING");

    source(GIT, SourcePhase.SYNCED, C2);
    tick(Duration.ofSeconds(15));
    assertThat(lastStatus().syncStatus())
        .as("Flux has not applied the removal yet")
        .isEqualTo(SyncStatus.PENDING);

    reconcilers.pipeInput(
        APPS, Reconcilers.applied(APPS, "main@sha1:" + C2, START), START.plusSeconds(60));
    tick(Duration.ofSeconds(2));
    DriftEvent opened = singleEvent();
    assertThat(opened.driftType()).isEqualTo(DriftType.EXTRA_LIVE);
    assertThat(lastStatus().driftType()).isEqualTo(DriftType.EXTRA_LIVE);

    live.pipeInput(WEB, null, START.plusSeconds(90));
    assertThat(singleEvent().transition()).isEqualTo(DriftTransition.RESOLVED);
    List<KeyValue<ResourceKey, DriftStatus>> last = status.readKeyValuesToList();
    assertThat(last.get(last.size() - 1).value).as("forgotten: a status tombstone").isNull();
  }

  @Test
  void anObjectGitNeverDeclaredIsNotJudgedEvenWithOwnershipMarks() {
    syncedAt(C1);
    ResourceKey helmMade = ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "redis");
    live.pipeInput(
        helmMade,
        LiveState.of(helmMade, "7", START, deployment("redis", 1), null, null).withManagedBy(APPS),
        START);
    assertThat(status.readValuesToList()).isEmpty();
    assertThat(events.readValuesToList()).isEmpty();
  }

  @Test
  void aTruncatedLiveStubIsUnknownNotModified() {
    syncedAt(C1);
    ObjectNode stub = deployment("web", 2);
    stub.withObject("/metadata")
        .putObject("annotations")
        .put("driftwatch.io/truncated", "1048577 bytes");
    ((ObjectNode) stub.get("spec")).remove("template");
    live.pipeInput(WEB, LiveState.of(WEB, "9", START, stub, null, null), START.plusSeconds(5));

    DriftStatus unknown = lastStatus();
    assertThat(unknown.syncStatus()).isEqualTo(SyncStatus.UNKNOWN);
    assertThat(unknown.reason()).contains("ingestCluster.maxObjectBytes");
    assertThat(events.readValuesToList()).isEmpty();
  }

  /**
   * Both sources synced long ago, WEB desired at {@code commit} and live equal, managed by APPS.
   */
  private void syncedAt(String commit) {
    source(GIT, SourcePhase.SYNCED, commit);
    source(DEPLOYMENTS, SourcePhase.SYNCED, "list-1");
    live.pipeInput(WEB, liveWeb(2, APPS), START);
    desired.pipeInput(WEB, desiredWeb(2, commit, LONG_AGO), START);
    assertThat(lastStatus().syncStatus()).isEqualTo(SyncStatus.SYNCED);
  }

  private void tick(Duration duration) {
    clock = clock.plus(duration);
    driver.advanceWallClockTime(duration);
  }

  /** A source status as its publisher reports it, a second before the driver's wall clock. */
  private void source(String key, SourcePhase phase, String revision) {
    SourceOrigin origin = key.startsWith("git:") ? SourceOrigin.GIT : SourceOrigin.CLUSTER;
    Instant at = clock.minusSeconds(1);
    sources.pipeInput(key, SourceStatus.of(key, origin, phase, revision, 1, at, null), at);
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
    return published.get(0).value;
  }

  private static DesiredState desiredWeb(int replicas, String commit, Instant commitTime) {
    return DesiredState.of(
        WEB, SOURCE, commit, commitTime, "apps/web.yaml", deployment("web", replicas));
  }

  private static LiveState liveWeb(int replicas, ResourceKey managedBy) {
    return LiveState.of(WEB, "42", START, deployment("web", replicas), null, null)
        .withManagedBy(managedBy);
  }

  private static ObjectNode deployment(String name, int replicas) {
    String json =
        "{'apiVersion':'apps/v1','kind':'Deployment',"
            + "'metadata':{'name':'"
            + name
            + "','namespace':'shop'},"
            + "'spec':{'replicas':"
            + replicas
            + ",'template':{'spec':{'containers':[{'name':'"
            + name
            + "','image':'"
            + name
            + ":1'}]}}}}";
    try {
      return (ObjectNode) Json.mapper().readTree(json.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
