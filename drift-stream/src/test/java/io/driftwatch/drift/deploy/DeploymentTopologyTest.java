package io.driftwatch.drift.deploy;

import static io.driftwatch.drift.deploy.Workloads.available;
import static io.driftwatch.drift.deploy.Workloads.deadlineExceeded;
import static io.driftwatch.drift.deploy.Workloads.deployment;
import static io.driftwatch.drift.deploy.Workloads.desired;
import static io.driftwatch.drift.deploy.Workloads.live;
import static io.driftwatch.drift.deploy.Workloads.openChoreo;
import static io.driftwatch.drift.deploy.Workloads.rollingOut;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.DiffEngine;
import io.driftwatch.drift.DriftStreamConfig;
import io.driftwatch.drift.DriverTopics;
import io.driftwatch.drift.ResourceSides;
import io.driftwatch.model.DeadLetter;
import io.driftwatch.model.DeploymentEvent;
import io.driftwatch.model.DeploymentPhase;
import io.driftwatch.model.DeploymentStatus;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deployment status end to end on its own topology: desired and live tables, their outer join, then
 * {@link DeploymentTopology#attach}, driven with the wall clock that the processors read.
 */
class DeploymentTopologyTest {

  private static final DiffEngine ENGINE = new DiffEngine(DriftStreamConfig.defaultComparison());

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final String COMMIT_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  private static final String COMMIT_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  private static final String COMMIT_C = "cccccccccccccccccccccccccccccccccccccccc";
  private static final ResourceKey WEB = deployment("prod-eu", "shop", "web");
  private static final ResourceKey WORKER = deployment("prod-eu", "shop", "worker");
  private static final Map<String, String> STOREFRONT =
      openChoreo("shop", "storefront", "production");
  private static final String STOREFRONT_ID = "production/shop/storefront";
  private static final String STOREFRONT_KEY = "component:" + STOREFRONT_ID;

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private Instant now;
  private final Map<String, DeploymentStatus> published = new LinkedHashMap<>();
  private TestInputTopic<ResourceKey, DesiredState> desired;
  private TestInputTopic<ResourceKey, LiveState> live;
  private TestOutputTopic<String, DeploymentStatus> statuses;
  private TestOutputTopic<String, DeploymentEvent> events;
  private TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeEach
  void startDriver() {
    DeploymentSettings settings = new DeploymentSettings(Map.of("prod-eu", "production"));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "deployment-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    driver = new TopologyTestDriver(topology(props, settings), props, START);
    now = START;
    desired = DriverTopics.input(driver, Topics.DESIRED_STATE);
    live = DriverTopics.input(driver, Topics.LIVE_STATE);
    statuses = DriverTopics.output(driver, Topics.DEPLOYMENT_STATUS);
    events = DriverTopics.output(driver, Topics.DEPLOYMENT_EVENTS);
    deadLetters = DriverTopics.output(driver, Topics.DEAD_LETTER);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void aRolloutGoesFromPendingThroughProgressingToDeployedWithItsLeadTime() {
    baseline(WEB, STOREFRONT);
    advance(Duration.ofMinutes(1));
    Instant committed = now.minusSeconds(20);

    desired.pipeInput(WEB, desired(WEB, STOREFRONT, "web:2", COMMIT_B, committed));
    DeploymentStatus pending = latest().get(workload(WEB));
    advance(Duration.ofSeconds(30));
    live.pipeInput(WEB, live(WEB, STOREFRONT, "web:2", 2, rollingOut(2, 1), now));
    DeploymentStatus progressing = latest().get(workload(WEB));
    advance(Duration.ofSeconds(90));
    live.pipeInput(WEB, live(WEB, STOREFRONT, "web:2", 2, available(2), now));
    Map<String, DeploymentStatus> deployed = latest();

    assertThat(pending.phase()).isEqualTo(DeploymentPhase.PENDING);
    assertThat(pending.revision()).isEqualTo(COMMIT_B);
    assertThat(pending.message()).contains("/spec/template/spec/containers/0/image");
    assertThat(progressing.phase()).isEqualTo(DeploymentPhase.PROGRESSING);
    assertThat(progressing.health()).isEqualTo("Progressing");
    assertThat(progressing.message()).isEqualTo("rollout in progress: 1 of 3 replicas updated");
    DeploymentStatus web = deployed.get(workload(WEB));
    assertThat(web.phase()).isEqualTo(DeploymentPhase.DEPLOYED);
    assertThat(web.health()).isEqualTo("Healthy");
    assertThat(web.healthyAt()).isEqualTo(now);
    assertThat(web.leadTimeMillis()).isEqualTo(Duration.ofSeconds(20 + 30 + 90).toMillis());
    assertThat(web.commitTime()).isEqualTo(committed);
    assertThat(web.author()).isEqualTo("Ada Lovelace <ada@example.com>");
    DeploymentStatus component = deployed.get(STOREFRONT_KEY);
    assertThat(component.phase()).isEqualTo(DeploymentPhase.DEPLOYED);
    assertThat(component.revision()).isEqualTo(COMMIT_B);
    assertThat(component.leadTimeMillis()).isEqualTo(140_000L);
    assertThat(component.workloads())
        .containsExactly(Map.entry(workload(WEB), DeploymentPhase.DEPLOYED));
    assertThat(events.readKeyValuesToList())
        .containsExactly(
            KeyValue.pair(
                STOREFRONT_ID,
                DeploymentEvent.of(
                    "production",
                    "shop",
                    "storefront",
                    COMMIT_B,
                    committed,
                    "Ada Lovelace <ada@example.com>",
                    DeploymentEvent.Outcome.SUCCEEDED,
                    140_000L,
                    null,
                    now)));
  }

  @Test
  void eachStepOfARolloutIsPublishedOnceAndRepeatsPublishNothing() {
    baseline(WEB, STOREFRONT);
    desired.pipeInput(WEB, desired(WEB, STOREFRONT, "web:2", COMMIT_B, now));
    live.pipeInput(WEB, live(WEB, STOREFRONT, "web:2", 2, rollingOut(2, 1), now));
    live.pipeInput(WEB, live(WEB, STOREFRONT, "web:2", 2, rollingOut(2, 1), now));
    live.pipeInput(WEB, live(WEB, STOREFRONT, "web:2", 2, available(2), now));
    live.pipeInput(WEB, live(WEB, STOREFRONT, "web:2", 2, available(2), now));

    assertThat(statuses.readKeyValuesToList())
        .filteredOn(kv -> kv.key.equals(workload(WEB)))
        .extracting(kv -> kv.value.phase())
        .containsExactly(
            DeploymentPhase.PENDING, DeploymentPhase.PROGRESSING, DeploymentPhase.DEPLOYED);
    assertThat(events.readValuesToList()).hasSize(1);
  }

  @Test
  void aWorkloadAlreadyHealthyWhenFirstSeenIsDeployedWithoutLeadTimeOrEvent() {
    desired.pipeInput(WEB, desired(WEB, STOREFRONT, "web:1", COMMIT_A, START.minusSeconds(86_400)));
    live.pipeInput(WEB, live(WEB, STOREFRONT, "web:1", 1, available(1), START.minusSeconds(3_600)));

    Map<String, DeploymentStatus> latest = latest();
    assertThat(latest.get(workload(WEB)).phase()).isEqualTo(DeploymentPhase.DEPLOYED);
    assertThat(latest.get(workload(WEB)).leadTimeMillis()).isNull();
    assertThat(latest.get(STOREFRONT_KEY).phase()).isEqualTo(DeploymentPhase.DEPLOYED);
    assertThat(latest.get(STOREFRONT_KEY).leadTimeMillis()).isNull();
    assertThat(events.readValuesToList()).isEmpty();
  }

  @Test
  void aNewWorkloadCreatedAfterItsCommitIsADeploymentWithLeadTime() {
    Instant committed = now.minusSeconds(10);
    desired.pipeInput(WEB, desired(WEB, STOREFRONT, "web:1", COMMIT_A, committed));
    assertThat(latest().get(workload(WEB)).health()).isEqualTo("Missing");
    advance(Duration.ofSeconds(50));

    live.pipeInput(WEB, live(WEB, STOREFRONT, "web:1", 1, available(1), now));

    assertThat(latest().get(workload(WEB)).leadTimeMillis()).isEqualTo(60_000L);
    assertThat(events.readValuesToList())
        .singleElement()
        .satisfies(event -> assertThat(event.leadTimeMillis()).isEqualTo(60_000L));
  }

  @Test
  void aRolloutPastItsProgressDeadlineFailsAndTheFixIsDeployedWithTheTimeToRestore() {
    baseline(WEB, STOREFRONT);
    advance(Duration.ofMinutes(1));
    desired.pipeInput(WEB, desired(WEB, STOREFRONT, "web:broken", COMMIT_B, now.minusSeconds(10)));
    advance(Duration.ofSeconds(30));
    live.pipeInput(WEB, live(WEB, STOREFRONT, "web:broken", 2, rollingOut(2, 1), now));
    advance(Duration.ofMinutes(10));
    live.pipeInput(WEB, live(WEB, STOREFRONT, "web:broken", 2, deadlineExceeded(2), now));
    Instant failedAt = now;
    Map<String, DeploymentStatus> failed = latest();
    List<DeploymentEvent> failure = events.readValuesToList();

    advance(Duration.ofMinutes(5));
    Instant fixCommitted = now.minusSeconds(30);
    desired.pipeInput(WEB, desired(WEB, STOREFRONT, "web:3", COMMIT_C, fixCommitted));
    advance(Duration.ofMinutes(1));
    live.pipeInput(WEB, live(WEB, STOREFRONT, "web:3", 3, rollingOut(3, 1), now));
    advance(Duration.ofMinutes(2));
    live.pipeInput(WEB, live(WEB, STOREFRONT, "web:3", 3, available(3), now));

    assertThat(failed.get(workload(WEB)).phase()).isEqualTo(DeploymentPhase.FAILED);
    assertThat(failed.get(workload(WEB)).health()).isEqualTo("Degraded");
    assertThat(failed.get(workload(WEB)).message()).contains("exceeded its progress deadline");
    assertThat(failed.get(STOREFRONT_KEY).phase()).isEqualTo(DeploymentPhase.FAILED);
    assertThat(failed.get(STOREFRONT_KEY).message())
        .startsWith("Deployment shop/web: deployment \"web\" exceeded its progress deadline");
    assertThat(failure)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.outcome()).isEqualTo(DeploymentEvent.Outcome.FAILED);
              assertThat(event.revision()).isEqualTo(COMMIT_B);
              assertThat(event.leadTimeMillis()).isNull();
              assertThat(event.at()).isEqualTo(failedAt);
            });
    assertThat(latest().get(workload(WEB)).phase()).isEqualTo(DeploymentPhase.DEPLOYED);
    assertThat(events.readValuesToList())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.outcome()).isEqualTo(DeploymentEvent.Outcome.SUCCEEDED);
              assertThat(event.revision()).isEqualTo(COMMIT_C);
              assertThat(event.leadTimeMillis())
                  .isEqualTo(Duration.ofSeconds(30 + 60 + 120).toMillis());
              assertThat(event.restoredAfterMillis())
                  .isEqualTo(Duration.between(failedAt, now).toMillis())
                  .isEqualTo(Duration.ofMinutes(8).toMillis());
            });
  }

  @Test
  void theComponentTakesTheWorstPhaseAndHealthOfItsWorkloads() {
    baseline(WEB, STOREFRONT);
    baseline(WORKER, STOREFRONT);
    desired.pipeInput(WEB, desired(WEB, STOREFRONT, "web:2", COMMIT_B, now));
    desired.pipeInput(WORKER, desired(WORKER, STOREFRONT, "web:2", COMMIT_B, now));
    advance(Duration.ofSeconds(40));

    live.pipeInput(WEB, live(WEB, STOREFRONT, "web:2", 2, available(2), now));
    DeploymentStatus oneDeployedOnePending = latest().get(STOREFRONT_KEY);
    live.pipeInput(WORKER, live(WORKER, STOREFRONT, "web:2", 2, rollingOut(2, 1), now));
    DeploymentStatus oneProgressing = latest().get(STOREFRONT_KEY);
    List<DeploymentEvent> whileProgressing = events.readValuesToList();
    advance(Duration.ofSeconds(20));
    live.pipeInput(WORKER, live(WORKER, STOREFRONT, "web:2", 2, available(2), now));
    DeploymentStatus bothDeployed = latest().get(STOREFRONT_KEY);
    List<DeploymentEvent> completed = events.readValuesToList();
    advance(Duration.ofMinutes(3));
    live.pipeInput(WEB, live(WEB, STOREFRONT, "web:2", 2, deadlineExceeded(2), now));
    DeploymentStatus oneDegraded = latest().get(STOREFRONT_KEY);

    assertThat(oneDeployedOnePending.phase()).isEqualTo(DeploymentPhase.PENDING);
    assertThat(oneDeployedOnePending.workloads())
        .containsExactly(
            Map.entry(workload(WEB), DeploymentPhase.DEPLOYED),
            Map.entry(workload(WORKER), DeploymentPhase.PENDING));
    assertThat(oneProgressing.phase()).isEqualTo(DeploymentPhase.PROGRESSING);
    assertThat(oneProgressing.health()).isEqualTo("Progressing");
    assertThat(oneProgressing.message())
        .isEqualTo("Deployment shop/worker: rollout in progress: 1 of 3 replicas updated");
    assertThat(whileProgressing).isEmpty();
    assertThat(bothDeployed.phase()).isEqualTo(DeploymentPhase.DEPLOYED);
    assertThat(bothDeployed.health()).isEqualTo("Healthy");
    assertThat(bothDeployed.leadTimeMillis()).isEqualTo(60_000L);
    assertThat(completed)
        .singleElement()
        .satisfies(event -> assertThat(event.leadTimeMillis()).isEqualTo(60_000L));
    assertThat(oneDegraded.phase()).isEqualTo(DeploymentPhase.DEGRADED);
    assertThat(oneDegraded.health()).isEqualTo("Degraded");
    assertThat(oneDegraded.leadTimeMillis())
        .as("still the deployment's lead time")
        .isEqualTo(60_000L);
    assertThat(oneDegraded.workloads().get(workload(WEB))).isEqualTo(DeploymentPhase.DEGRADED);
    assertThat(events.readValuesToList()).as("a degradation is no deployment").isEmpty();
  }

  @Test
  void theEnvironmentComesFromTheOpenChoreoLabelElseFromTheClusterMap() {
    ResourceKey staged = deployment("prod-eu", "shop", "preview");
    ResourceKey api = deployment("prod-eu", "payments", "api");
    ResourceKey lab = deployment("lab", "tools", "batch");

    baseline(staged, openChoreo("shop", "storefront", "staging"));
    baseline(
        api, Map.of(ComponentIdentity.APP_NAME, "api", ComponentIdentity.APP_PART_OF, "checkout"));
    baseline(lab, Map.of(ComponentIdentity.APP_NAME, "batch"));

    Map<String, DeploymentStatus> latest = latest();
    assertThat(latest.get(workload(staged)).environment()).isEqualTo("staging");
    assertThat(latest).containsKey("component:staging/shop/storefront");
    assertThat(latest.get(workload(api)).environment()).isEqualTo("production");
    assertThat(latest.get(workload(api)).project()).isEqualTo("checkout");
    assertThat(latest.get(workload(api)).component()).isEqualTo("api");
    assertThat(latest).containsKey("component:production/checkout/api");
    assertThat(latest.get(workload(lab)).environment())
        .as("an unmapped cluster is its own environment")
        .isEqualTo("lab");
    assertThat(latest).containsKey("component:lab/tools/batch");
  }

  @Test
  void aWorkloadWithoutComponentLabelsHasItsOwnStatusButIsNotRolledUp() {
    baseline(WEB, Map.of("app", "web"));

    Map<String, DeploymentStatus> latest = latest();
    assertThat(latest).containsOnlyKeys(workload(WEB));
    assertThat(latest.get(workload(WEB)).component()).isNull();
    assertThat(latest.get(workload(WEB)).environment()).isEqualTo("production");
    KeyValueStore<String, ComponentDeployment> components =
        driver.getKeyValueStore(DeploymentTopology.COMPONENT_STORE);
    assertThat(components.approximateNumEntries()).isZero();
  }

  @Test
  void aLiveFieldOfTheWrongTypeMakesHealthUnknownAndTheStreamGoesOn() {
    baseline(WEB, STOREFRONT);
    desired.pipeInput(WEB, desired(WEB, STOREFRONT, "web:2", COMMIT_B, now));
    ObjectNode odd = rollingOut(2, 1).put("updatedReplicas", "three");

    live.pipeInput(WEB, live(WEB, STOREFRONT, "web:2", 2, odd, now));
    baseline(WORKER, STOREFRONT);

    Map<String, DeploymentStatus> latest = latest();
    DeploymentStatus web = latest.get(workload(WEB));
    assertThat(web.phase()).isEqualTo(DeploymentPhase.PROGRESSING);
    assertThat(web.health()).isEqualTo("Unknown");
    assertThat(web.message())
        .contains("status.updatedReplicas is a string")
        .doesNotContain("three");
    assertThat(latest.get(STOREFRONT_KEY).health()).isEqualTo("Unknown");
    assertThat(latest.get(workload(WORKER)).phase()).isEqualTo(DeploymentPhase.DEPLOYED);
  }

  @Test
  void aLabelThatIsNotAStringIsADeadLetterNamingTheWorkloadAndTheStreamGoesOn() {
    DesiredState bad = desired(WEB, STOREFRONT, "web:1", COMMIT_A, now);
    ((ObjectNode) bad.manifest().path("metadata").path("labels"))
        .put(ComponentIdentity.OPENCHOREO_COMPONENT, 42);

    desired.pipeInput(WEB, bad);
    baseline(WORKER, STOREFRONT);

    assertThat(deadLetters.readKeyValuesToList())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.key).isEqualTo(workload(WEB));
              assertThat(letter.value.stage()).isEqualTo("drift-stream");
              assertThat(letter.value.reason())
                  .contains(WEB.toString())
                  .contains("label openchoreo.dev/component is not a string")
                  .doesNotContain("42");
            });
    assertThat(latest()).doesNotContainKey(workload(WEB)).containsKey(workload(WORKER));
  }

  @Test
  void aWorkloadRemovedFromGitIsTombstonedAndItsComponentWithItsLastWorkload() {
    baseline(WEB, STOREFRONT);
    baseline(WORKER, STOREFRONT);

    desired.pipeInput(WEB, (DesiredState) null);
    Map<String, DeploymentStatus> oneLeft = latest();
    desired.pipeInput(WORKER, (DesiredState) null);
    Map<String, DeploymentStatus> noneLeft = latest();

    assertThat(oneLeft).containsEntry(workload(WEB), null);
    assertThat(oneLeft.get(STOREFRONT_KEY).workloads()).containsOnlyKeys(workload(WORKER));
    assertThat(noneLeft).containsEntry(workload(WORKER), null).containsEntry(STOREFRONT_KEY, null);
    assertThat(
            driver
                .<String, ComponentDeployment>getKeyValueStore(DeploymentTopology.COMPONENT_STORE)
                .get(STOREFRONT_ID))
        .isNull();
  }

  @Test
  void aWorkloadRelabelledIntoAnotherComponentLeavesTheFirst() {
    baseline(WEB, STOREFRONT);
    Map<String, String> checkout = openChoreo("shop", "checkout", "production");

    desired.pipeInput(WEB, desired(WEB, checkout, "web:1", COMMIT_B, now));

    Map<String, DeploymentStatus> latest = latest();
    assertThat(latest).containsEntry(STOREFRONT_KEY, null);
    assertThat(latest.get("component:production/shop/checkout").workloads())
        .containsOnlyKeys(workload(WEB));
  }

  @Test
  void theComponentStoreServesTheStatusLastPublishedUnderTheComponentId() {
    baseline(WEB, STOREFRONT);
    desired.pipeInput(WEB, desired(WEB, STOREFRONT, "web:2", COMMIT_B, now));

    KeyValueStore<String, ComponentDeployment> components =
        driver.getKeyValueStore(DeploymentTopology.COMPONENT_STORE);
    assertThat(components.get(STOREFRONT_ID).status()).isEqualTo(latest().get(STOREFRONT_KEY));
    assertThat(components.get(STOREFRONT_ID).status().phase()).isEqualTo(DeploymentPhase.PENDING);
  }

  @Test
  void everyStoreAndInternalTopicHasTheNameOfItsConstant() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "naming-check");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);

    String described = topology(props, DeploymentSettings.defaults()).describe().toString();

    assertThat(described)
        .contains(DeploymentTopology.WORKLOAD_STORE)
        .contains(DeploymentTopology.COMPONENT_STORE)
        .contains(DeploymentTopology.REPARTITION + "-repartition")
        .contains(DeploymentTopology.WORKLOAD_PROCESSOR)
        .contains(DeploymentTopology.COMPONENT_PROCESSOR)
        .contains(DeploymentTopology.EVENTS_SINK)
        .doesNotContain("KSTREAM-")
        .doesNotContain("KTABLE-");
  }

  /**
   * The workload at commit A, already healthy when first seen (observed an hour before the test
   * starts): a baseline, with no lead time and no event. Drains the outputs.
   */
  private void baseline(ResourceKey key, Map<String, String> labels) {
    desired.pipeInput(key, desired(key, labels, "web:1", COMMIT_A, START.minusSeconds(86_400)));
    live.pipeInput(key, live(key, labels, "web:1", 1, available(1), START.minusSeconds(3_600)));
    assertThat(latest().get(workload(key)).phase()).isEqualTo(DeploymentPhase.DEPLOYED);
    assertThat(events.readValuesToList()).isEmpty();
  }

  /**
   * The last status published per key so far, as the compacted topic keeps it (null: tombstone).
   */
  private Map<String, DeploymentStatus> latest() {
    for (KeyValue<String, DeploymentStatus> kv : statuses.readKeyValuesToList()) {
      published.put(kv.key, kv.value);
    }
    return new LinkedHashMap<>(published);
  }

  private void advance(Duration duration) {
    driver.advanceWallClockTime(duration);
    now = now.plus(duration);
  }

  private static String workload(ResourceKey key) {
    return DeploymentStatus.workloadKey(key);
  }

  /** desired ⟗ live → both sides → {@link DeploymentTopology#attach}, every name explicit. */
  static Topology topology(Properties props, DeploymentSettings settings) {
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
    KTable<ResourceKey, DesiredState> desiredTable =
        builder.table(
            Topics.DESIRED_STATE.name(),
            Consumed.with(Topics.DESIRED_STATE.keySerde(), Topics.DESIRED_STATE.valueSerde())
                .withName("desired-table"),
            Materialized.<ResourceKey, DesiredState, KeyValueStore<Bytes, byte[]>>as(
                    "desired-store")
                .withKeySerde(Topics.DESIRED_STATE.keySerde())
                .withValueSerde(Topics.DESIRED_STATE.valueSerde()));
    KTable<ResourceKey, LiveState> liveTable =
        builder.table(
            Topics.LIVE_STATE.name(),
            Consumed.with(Topics.LIVE_STATE.keySerde(), Topics.LIVE_STATE.valueSerde())
                .withName("live-table"),
            Materialized.<ResourceKey, LiveState, KeyValueStore<Bytes, byte[]>>as("live-store")
                .withKeySerde(Topics.LIVE_STATE.keySerde())
                .withValueSerde(Topics.LIVE_STATE.valueSerde()));
    KStream<ResourceKey, ResourceSides> sides =
        desiredTable
            .outerJoin(
                liveTable,
                (d, l) -> ResourceSides.compare(d, l, ENGINE),
                Named.as("desired-live-join"))
            .toStream(Named.as("resource-sides-stream"));
    DeploymentTopology.attach(builder, sides, settings);
    return builder.build();
  }
}
