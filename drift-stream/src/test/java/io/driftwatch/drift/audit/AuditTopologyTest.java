package io.driftwatch.drift.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.IntNode;
import io.driftwatch.drift.remediation.RemediationBackoff;
import io.driftwatch.drift.remediation.RemediationPolicy;
import io.driftwatch.drift.remediation.RemediationRule;
import io.driftwatch.drift.remediation.RemediationTopology;
import io.driftwatch.model.AuditRecord;
import io.driftwatch.model.AuditRecord.Category;
import io.driftwatch.model.AuditRecord.What;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftCause;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.FieldOwner;
import io.driftwatch.model.ReconcileEvent;
import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topic;
import io.driftwatch.model.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail in a topology: drift transitions, reconcile-failure transitions and the
 * remediation requests that a real remediation stage makes of them, each becoming one audit record
 * keyed by its subject, with the cause carried over from DriftCause.
 */
class AuditTopologyTest {

  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static final ResourceKey WEB =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");
  private static final ResourceKey APPS =
      ResourceKey.of("prod", "kustomize.toolkit.fluxcd.io/v1", "Kustomization", "flux", "apps");
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
  private static final Instant COMMIT_TIME = Instant.parse("2026-03-01T09:00:00Z");
  private static final Instant EDITED = Instant.parse("2026-03-01T09:59:58Z");
  private static final DriftCause CAUSE =
      new DriftCause(
          COMMIT,
          "Ada Lovelace <ada@example.com>",
          COMMIT_TIME,
          "4711",
          START.minusSeconds(1),
          List.of(new FieldOwner("kubectl-edit", "Update", EDITED)));

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<ResourceKey, DriftEvent> transitions;
  private TestInputTopic<ResourceKey, ReconcileEvent> reconcileEvents;
  private TestOutputTopic<String, AuditRecord> audit;

  @BeforeEach
  void startDriver() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "audit-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
    builder.table(
        Topics.DESIRED_STATE.name(),
        Consumed.with(Topics.DESIRED_STATE.keySerde(), Topics.DESIRED_STATE.valueSerde())
            .withName("desired-table"),
        Materialized.<ResourceKey, DesiredState, KeyValueStore<Bytes, byte[]>>as("desired-store")
            .withKeySerde(Topics.DESIRED_STATE.keySerde())
            .withValueSerde(Topics.DESIRED_STATE.valueSerde()));
    KStream<ResourceKey, DriftEvent> drift = source(builder, Topics.DRIFT_EVENTS);
    KStream<ResourceKey, ReconcileEvent> reconcile = source(builder, Topics.RECONCILE_FAILURES);
    // One attempt, then the escalation two seconds later.
    RemediationBackoff oneAttempt =
        new RemediationBackoff(
            Duration.ofSeconds(2), 3, Duration.ofMinutes(5), 1, Duration.ofSeconds(330));
    var requests =
        RemediationTopology.attach(
            builder,
            drift,
            "desired-store",
            RemediationPolicy.of(
                List.of(new RemediationRule("heal", "prod", null, null, null, null, "reconcile"))),
            oneAttempt,
            Duration.ofSeconds(1));
    AuditTopology.attach(builder, drift, reconcile, requests);

    driver = new TopologyTestDriver(builder.build(), props, START);
    transitions = input(Topics.DRIFT_EVENTS);
    reconcileEvents = input(Topics.RECONCILE_FAILURES);
    audit =
        driver.createOutputTopic(
            Topics.AUDIT.name(),
            Topics.AUDIT.keySerde().deserializer(),
            Topics.AUDIT.valueSerde().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  private static <V> KStream<ResourceKey, V> source(
      StreamsBuilder builder, Topic<ResourceKey, V> topic) {
    return builder.stream(
        topic.name(),
        Consumed.with(topic.keySerde(), topic.valueSerde()).withName(topic.name() + "-source"));
  }

  private <V> TestInputTopic<ResourceKey, V> input(Topic<ResourceKey, V> topic) {
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private static DriftEvent drift(
      DriftTransition transition, Instant at, Long durationMillis, DriftCause cause) {
    List<FieldDiff> diffs =
        transition == DriftTransition.RESOLVED
            ? List.of()
            : List.of(
                new FieldDiff(
                    "/spec/replicas",
                    IntNode.valueOf(2),
                    IntNode.valueOf(5),
                    new FieldOwner("kubectl-edit", "Update", EDITED)));
    return DriftEvent.of(
            WEB, transition, DriftType.MODIFIED, diffs, COMMIT, START, at, durationMillis)
        .withCause(cause);
  }

  private static ReconcileEvent reconcile(
      ReconcileEvent.Transition transition, Instant at, Long durationMillis) {
    return ReconcileEvent.of(
        APPS,
        ReconcilerTool.FLUX,
        transition,
        transition == ReconcileEvent.Transition.RECOVERED
            ? "ReconciliationSucceeded"
            : "BuildFailed",
        transition == ReconcileEvent.Transition.RECOVERED
            ? "Applied revision: main@sha1:bbb"
            : "kustomize build failed: accumulating resources",
        "main@sha1:bbb",
        1,
        START,
        at,
        durationMillis);
  }

  private List<KeyValue<String, AuditRecord>> records(Category category) {
    return audit.readKeyValuesToList().stream()
        .filter(kv -> kv.value.category() == category)
        .toList();
  }

  @Test
  void eachDriftTransitionIsAuditedWithTheCauseFromDriftCause() {
    transitions.pipeInput(WEB, drift(DriftTransition.OPENED, START, null, CAUSE), START);
    transitions.pipeInput(
        WEB, drift(DriftTransition.UPDATED, START.plusSeconds(30), null, CAUSE), START);
    transitions.pipeInput(
        WEB, drift(DriftTransition.RESOLVED, START.plusSeconds(150), 150_000L, CAUSE), START);

    List<KeyValue<String, AuditRecord>> records = records(Category.DRIFT);

    assertThat(records).extracting(kv -> kv.key).containsOnly("prod/apps/Deployment/shop/web");
    assertThat(records)
        .extracting(kv -> kv.value.what())
        .containsExactly(What.OPENED, What.UPDATED, What.RESOLVED);
    assertThat(records)
        .extracting(kv -> kv.value)
        .allSatisfy(
            record -> {
              assertThat(record.subject()).isEqualTo(WEB);
              assertThat(record.commit()).isEqualTo(COMMIT);
              assertThat(record.author()).isEqualTo("Ada Lovelace <ada@example.com>");
              assertThat(record.commitTime()).isEqualTo(COMMIT_TIME);
              assertThat(record.fieldManagers())
                  .containsExactly(new FieldOwner("kubectl-edit", "Update", EDITED));
              assertThat(record.liveResourceVersion()).isEqualTo("4711");
              assertThat(record.liveObservedAt()).isEqualTo(START.minusSeconds(1));
            });
    AuditRecord opened = records.get(0).value;
    assertThat(opened.at()).isEqualTo(START);
    assertThat(opened.message())
        .isEqualTo("MODIFIED drift opened; differs at /spec/replicas; live set by kubectl-edit");
    assertThat(records.get(2).value.message()).isEqualTo("MODIFIED drift resolved after 2m30s");
    assertThat(records).extracting(kv -> kv.value.id()).doesNotHaveDuplicates();
  }

  @Test
  void aDriftEventWithoutCauseIsAuditedWithItsDesiredCommitOnly() {
    transitions.pipeInput(WEB, drift(DriftTransition.OPENED, START, null, null), START);

    AuditRecord record = records(Category.DRIFT).get(0).value;

    assertThat(record.commit()).isEqualTo(COMMIT);
    assertThat(record.author()).isNull();
    assertThat(record.fieldManagers()).isEmpty();
    assertThat(record.liveResourceVersion()).isNull();
    assertThat(record.liveObservedAt()).isNull();
  }

  @Test
  void eachReconcileTransitionIsAuditedWithTheReconcilerAsSubjectAndItsRevision() {
    reconcileEvents.pipeInput(APPS, reconcile(ReconcileEvent.Transition.FAILING, START, null));
    reconcileEvents.pipeInput(
        APPS, reconcile(ReconcileEvent.Transition.RECOVERED, START.plusSeconds(120), 120_000L));
    reconcileEvents.pipeInput(
        APPS, reconcile(ReconcileEvent.Transition.DELETED, START.plusSeconds(300), 60_000L));

    List<KeyValue<String, AuditRecord>> records = records(Category.RECONCILE);

    assertThat(records).extracting(kv -> kv.key).containsOnly(APPS.toString());
    assertThat(records)
        .extracting(kv -> kv.value.what())
        .containsExactly(What.FAILING, What.RECOVERED, What.DELETED);
    assertThat(records).extracting(kv -> kv.value.commit()).containsOnly("main@sha1:bbb");
    assertThat(records)
        .extracting(kv -> kv.value.message())
        .containsExactly(
            "Flux reconciler failing (failure 1): BuildFailed: kustomize build failed:"
                + " accumulating resources",
            "Flux reconciler recovered after 2m at revision main@sha1:bbb",
            "Flux reconciler deleted while failing after 1m: BuildFailed");
  }

  @Test
  void remediationRequestsAndTheEscalationAreAuditedWithIdsThatFollowTheirIdempotencyKeys() {
    transitions.pipeInput(WEB, drift(DriftTransition.OPENED, START, null, CAUSE), START);
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    driver.advanceWallClockTime(Duration.ofSeconds(1));

    List<KeyValue<String, AuditRecord>> records = records(Category.REMEDIATION);

    assertThat(records).extracting(kv -> kv.key).containsOnly(WEB.toString());
    assertThat(records)
        .extracting(kv -> kv.value.what())
        .containsExactly(What.REQUESTED, What.ESCALATED);
    assertThat(records)
        .extracting(kv -> kv.value.message())
        .containsExactly(
            "reconcile requested, attempt 1 by rule heal",
            "escalated after 1 reconcile attempt(s) by rule heal: the drift persists");
    assertThat(records).extracting(kv -> kv.value.commit()).containsOnly(COMMIT);
    assertThat(records.get(1).value.at()).isEqualTo(START.plusSeconds(2));
    assertThat(records).extracting(kv -> kv.value.id()).doesNotHaveDuplicates();
  }

  @Test
  void aReplayedTransitionIsAuditedWithTheSameIdSoItIsRecognisable() {
    DriftEvent opened = drift(DriftTransition.OPENED, START, null, CAUSE);
    transitions.pipeInput(WEB, opened, START);
    transitions.pipeInput(WEB, opened, START);

    List<KeyValue<String, AuditRecord>> records = records(Category.DRIFT);

    assertThat(records).hasSize(2);
    assertThat(records.get(1).value.id()).isEqualTo(records.get(0).value.id());
  }

  @Test
  void aTransitionThatCannotBeAuditedIsSkippedAndTheStreamGoesOn() {
    DriftEvent broken =
        new DriftEvent(
            DriftEvent.SCHEMA_VERSION,
            WEB,
            null,
            DriftType.MODIFIED,
            List.of(),
            COMMIT,
            START,
            START,
            null,
            null);
    reconcileEvents.pipeInput(APPS, reconcile(ReconcileEvent.Transition.FAILING, START, null));
    transitions.pipeInput(WEB, broken, START);
    transitions.pipeInput(WEB, drift(DriftTransition.OPENED, START, null, CAUSE), START);

    assertThat(audit.readValuesToList())
        .extracting(AuditRecord::category, AuditRecord::what)
        .containsExactlyInAnyOrder(
            tuple(Category.RECONCILE, What.FAILING),
            tuple(Category.DRIFT, What.OPENED),
            tuple(Category.REMEDIATION, What.REQUESTED));
  }
}
