package io.driftwatch.drift.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.RemediationRequest;
import io.driftwatch.model.RemediationRequest.Action;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.Json;
import io.driftwatch.model.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remediation in a topology: drift transitions and the wall clock in, backed-off requests and one
 * escalation out, with the attempts kept in the stores between records and ticks. The desired table
 * is materialised as DriftTopology does, so rules match its labels. The restart is in RemediationIT
 * (TopologyTestDriver deletes its state directory on close).
 */
class RemediationTopologyTest {

  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static final ResourceKey WEB =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");
  private static final ResourceKey DB =
      ResourceKey.of("prod", "apps/v1", "StatefulSet", "shop", "db");
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
  private static final String APPLICATION = "remediation-topology-test";
  private static final Duration TICK = Duration.ofSeconds(1);

  @TempDir Path stateDir;
  @TempDir Path otherStateDir;

  private final List<TopologyTestDriver> drivers = new ArrayList<>();

  /** One running topology and its topics. */
  private final class Run {
    final TopologyTestDriver driver;
    final TestInputTopic<ResourceKey, DesiredState> desired;
    final TestInputTopic<ResourceKey, DriftEvent> transitions;
    final TestOutputTopic<ResourceKey, RemediationRequest> requests;
    Instant now;

    Run(RemediationPolicy policy, RemediationBackoff backoff, Path dir, Instant wallClock) {
      driver =
          new TopologyTestDriver(
              RemediationTestTopology.build(APPLICATION, policy, backoff, TICK),
              properties(dir),
              wallClock);
      drivers.add(driver);
      now = wallClock;
      desired =
          driver.createInputTopic(
              Topics.DESIRED_STATE.name(),
              Topics.DESIRED_STATE.keySerde().serializer(),
              Topics.DESIRED_STATE.valueSerde().serializer());
      transitions =
          driver.createInputTopic(
              Topics.DRIFT_EVENTS.name(),
              Topics.DRIFT_EVENTS.keySerde().serializer(),
              Topics.DRIFT_EVENTS.valueSerde().serializer());
      requests =
          driver.createOutputTopic(
              Topics.REMEDIATION_REQUESTS.name(),
              Topics.REMEDIATION_REQUESTS.keySerde().deserializer(),
              Topics.REMEDIATION_REQUESTS.valueSerde().deserializer());
    }

    void opened(ResourceKey key) {
      transitions.pipeInput(key, event(key, DriftTransition.OPENED, now, now), now);
    }

    void resolved(ResourceKey key, Instant openedAt) {
      transitions.pipeInput(key, event(key, DriftTransition.RESOLVED, openedAt, now), now);
    }

    /** Lets wall-clock time pass in one-tick steps, as a running instance would see it. */
    void advanceTo(Duration sinceStart) {
      Instant until = START.plus(sinceStart);
      while (now.isBefore(until)) {
        driver.advanceWallClockTime(TICK);
        now = now.plus(TICK);
      }
    }

    List<RemediationRequest> requests() {
      return requests.readValuesToList();
    }

    long stored(String store) {
      KeyValueStore<Object, Object> kv = driver.getKeyValueStore(store);
      long n = 0;
      try (KeyValueIterator<Object, Object> all = kv.all()) {
        for (; all.hasNext(); all.next()) {
          n++;
        }
      }
      return n;
    }
  }

  @AfterEach
  void closeDrivers() {
    drivers.forEach(TopologyTestDriver::close);
  }

  private static Properties properties(Path dir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toAbsolutePath().toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    return props;
  }

  private static DriftEvent event(
      ResourceKey key, DriftTransition transition, Instant openedAt, Instant at) {
    Long duration =
        transition == DriftTransition.RESOLVED ? Duration.between(openedAt, at).toMillis() : null;
    return DriftEvent.of(
        key, transition, DriftType.MODIFIED, List.of(), COMMIT, openedAt, at, duration);
  }

  private static RemediationPolicy reconcileEverything() {
    return RemediationPolicy.of(
        List.of(new RemediationRule("heal", "prod", null, null, null, null, "reconcile")));
  }

  private static RemediationBackoff backoff(int maxAttempts) {
    return new RemediationBackoff(
        Duration.ofSeconds(2), 3, Duration.ofMinutes(5), maxAttempts, Duration.ofSeconds(330));
  }

  private static List<Long> secondsSinceStart(List<RemediationRequest> requests) {
    return requests.stream()
        .map(request -> Duration.between(START, request.requestedAt()).toSeconds())
        .toList();
  }

  private static DesiredState desired(ResourceKey key, Map<String, String> labels) {
    ObjectNode manifest = Json.mapper().createObjectNode();
    manifest.put("apiVersion", "apps/v1").put("kind", key.kind());
    ObjectNode metadata = manifest.putObject("metadata").put("name", key.name());
    labels.forEach(metadata.putObject("labels")::put);
    return DesiredState.of(key, "shop", COMMIT, START, key.name() + ".yaml", manifest);
  }

  @Test
  void attemptsFollowTheBackoffOfTwoSecondsTimesThreeCappedAtFiveMinutes() {
    Run run = new Run(reconcileEverything(), backoff(8), stateDir, START);

    run.opened(WEB);
    run.advanceTo(Duration.ofSeconds(1141));

    List<RemediationRequest> requests = run.requests();
    assertThat(secondsSinceStart(requests)).containsExactly(0L, 2L, 8L, 26L, 80L, 242L, 542L, 842L);
    assertThat(requests)
        .extracting(RemediationRequest::attempt)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(requests)
        .allSatisfy(
            request -> {
              assertThat(request.key()).isEqualTo(WEB);
              assertThat(request.action()).isEqualTo(Action.RECONCILE);
              assertThat(request.escalated()).isFalse();
              assertThat(request.rule()).isEqualTo("heal");
              assertThat(request.openedAt()).isEqualTo(START);
              assertThat(request.desiredCommit()).isEqualTo(COMMIT);
            });
  }

  @Test
  void afterTheMaximumAttemptsOneEscalationReplacesTheNextAttemptAndThenNothingMore() {
    Run run = new Run(reconcileEverything(), RemediationBackoff.defaults(), stateDir, START);

    run.opened(WEB);
    run.advanceTo(Duration.ofMinutes(30));

    List<RemediationRequest> requests = run.requests();
    assertThat(secondsSinceStart(requests)).containsExactly(0L, 2L, 8L, 26L, 80L, 242L, 542L);
    assertThat(requests)
        .extracting(RemediationRequest::escalated)
        .containsExactly(false, false, false, false, false, false, true);
    RemediationRequest escalation = requests.get(6);
    assertThat(escalation.attempt()).isEqualTo(6);
    assertThat(escalation.action()).isEqualTo(Action.RECONCILE);
  }

  @Test
  void idempotencyKeysDifferPerAttemptAndAreTheSameWhenTheSameDecisionIsMadeAgain() {
    Run first = new Run(reconcileEverything(), RemediationBackoff.defaults(), stateDir, START);
    first.opened(WEB);
    first.advanceTo(Duration.ofMinutes(10));
    List<String> keys = first.requests().stream().map(RemediationRequest::idempotencyKey).toList();

    // The same transition processed again from scratch, as after losing uncommitted work.
    Run replay =
        new Run(reconcileEverything(), RemediationBackoff.defaults(), otherStateDir, START);
    replay.opened(WEB);
    replay.advanceTo(Duration.ofMinutes(10));
    List<String> replayed =
        replay.requests().stream().map(RemediationRequest::idempotencyKey).toList();

    assertThat(keys).hasSize(7).doesNotHaveDuplicates();
    assertThat(replayed).isEqualTo(keys);
  }

  @Test
  void aReplayedOpenedForTheSameEpisodeRequestsNothingNew() {
    Run run = new Run(reconcileEverything(), RemediationBackoff.defaults(), stateDir, START);
    run.opened(WEB);
    run.advanceTo(Duration.ofSeconds(3));

    run.transitions.pipeInput(WEB, event(WEB, DriftTransition.OPENED, START, START), run.now);
    run.advanceTo(Duration.ofSeconds(7));

    assertThat(run.requests()).extracting(RemediationRequest::attempt).containsExactly(1, 2);
  }

  @Test
  void aResolvedTransitionStopsTheAttemptsAndTheStateIsForgottenAfterTheCooldown() {
    Run run = new Run(reconcileEverything(), RemediationBackoff.defaults(), stateDir, START);
    run.opened(WEB);
    run.advanceTo(Duration.ofSeconds(10));

    run.resolved(WEB, START);
    run.advanceTo(Duration.ofMinutes(30));

    assertThat(secondsSinceStart(run.requests())).containsExactly(0L, 2L, 8L);
    assertThat(run.stored(RemediationTopology.STATE_STORE)).isZero();
    assertThat(run.stored(RemediationTopology.DUE_STORE)).isZero();
  }

  @Test
  void withoutRulesNothingIsRequestedAndNothingIsStored() {
    Run run =
        new Run(RemediationPolicy.detectOnly(), RemediationBackoff.defaults(), stateDir, START);
    run.desired.pipeInput(WEB, desired(WEB, Map.of("tier", "web")), START);

    run.opened(WEB);
    run.advanceTo(Duration.ofMinutes(15));
    run.resolved(WEB, START);

    assertThat(run.requests()).isEmpty();
    assertThat(run.stored(RemediationTopology.STATE_STORE)).isZero();
    assertThat(run.stored(RemediationTopology.DUE_STORE)).isZero();
  }

  @Test
  void ruleLabelsMatchTheLabelsOfTheDesiredManifest() {
    RemediationPolicy webOnly =
        RemediationPolicy.of(
            List.of(new RemediationRule("web", null, null, null, "tier=web", null, "apply")));
    Run run = new Run(webOnly, RemediationBackoff.defaults(), stateDir, START);
    run.desired.pipeInput(WEB, desired(WEB, Map.of("tier", "web")), START);
    run.desired.pipeInput(DB, desired(DB, Map.of("tier", "db")), START);

    run.opened(WEB);
    run.opened(DB);

    List<KeyValue<ResourceKey, RemediationRequest>> requests = run.requests.readKeyValuesToList();
    assertThat(requests).extracting(kv -> kv.key).containsExactly(WEB);
    assertThat(requests.get(0).value.action()).isEqualTo(Action.APPLY);
  }
}
