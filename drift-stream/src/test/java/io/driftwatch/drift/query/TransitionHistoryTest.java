package io.driftwatch.drift.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.drift.DriftStreamConfig;
import io.driftwatch.drift.DriftTopology;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransitionHistoryTest {

  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static final ResourceKey WEB =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");
  private static final ResourceKey API =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "api");

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private Topology topology;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void keepsTheLastTransitionsOfEachResourceInOrder() {
    TestInputTopic<ResourceKey, DriftEvent> events = drive(3);

    for (int i = 0; i < 5; i++) {
      events.pipeInput(
          WEB,
          event(
              WEB,
              i % 2 == 0 ? DriftTransition.OPENED : DriftTransition.RESOLVED,
              START.plusSeconds(i)));
    }
    events.pipeInput(API, event(API, DriftTransition.OPENED, START));

    assertThat(store().get(WEB).transitions())
        .extracting(DriftEvent::at)
        .containsExactly(START.plusSeconds(2), START.plusSeconds(3), START.plusSeconds(4));
    assertThat(store().get(API).transitions())
        .extracting(DriftEvent::transition)
        .containsExactly(DriftTransition.OPENED);
  }

  @Test
  void aNullTransitionIsNotATransition() {
    TestInputTopic<ResourceKey, DriftEvent> events = drive(3);

    events.pipeInput(WEB, null);

    assertThat(store().get(WEB)).isNull();
  }

  @Test
  void forgetsAResourceWhoseLatestTransitionIsOlderThanTheRetention() {
    TestInputTopic<ResourceKey, DriftEvent> events = drive(3);
    events.pipeInput(WEB, event(WEB, DriftTransition.RESOLVED, START));
    events.pipeInput(API, event(API, DriftTransition.OPENED, START.plus(Duration.ofDays(20))));

    driver.advanceWallClockTime(
        TransitionHistory.DEFAULT_RETENTION.plus(TransitionHistory.PRUNE_INTERVAL));

    assertThat(store().get(WEB)).as("last transition 30 days and an hour ago").isNull();
    assertThat(store().get(API)).as("last transition 10 days ago").isNotNull();
  }

  @Test
  void everyNodeAndStoreIsNamedUnderExplicitNaming() {
    drive(TransitionHistory.DEFAULT_KEEP);

    String description = topology.describe().toString();

    assertThat(description)
        .contains(
            "Processor: "
                + TransitionHistory.PROCESSOR
                + " (stores: ["
                + TransitionHistory.STORE
                + "])");
  }

  @Test
  void onTheDriftTopologyTheHistoryLivesInTheTaskOfTheEpisodeStore() {
    Topology drift = DriftTopology.build(DriftStreamConfig.defaults(stateDir));

    TopologyDescription.Subtopology episodes =
        drift.describe().subtopologies().stream()
            .filter(
                s ->
                    s.nodes().stream()
                        .anyMatch(n -> n.name().equals(DriftTopology.EPISODE_PROCESSOR)))
            .findFirst()
            .orElseThrow();
    assertThat(episodes.nodes())
        .filteredOn(n -> n.name().equals(TransitionHistory.PROCESSOR))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(((TopologyDescription.Processor) n).stores())
                  .containsExactly(TransitionHistory.STORE);
              assertThat(n.predecessors())
                  .extracting(TopologyDescription.Node::name)
                  .containsExactly(DriftTopology.EVENT_VALUE);
            });
  }

  @Test
  void keepAndRetentionMustBePositive() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<ResourceKey, DriftEvent> events = builder.stream("t");

    assertThatThrownBy(() -> TransitionHistory.attach(builder, events, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keep must be at least 1, was 0");
    assertThatThrownBy(() -> TransitionHistory.attach(builder, events, 5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention must be positive");
  }

  private TestInputTopic<ResourceKey, DriftEvent> drive(int keep) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "transition-history-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
    KStream<ResourceKey, DriftEvent> events =
        builder.stream(
            Topics.DRIFT_EVENTS.name(),
            Consumed.with(Topics.DRIFT_EVENTS.keySerde(), Topics.DRIFT_EVENTS.valueSerde())
                .withName("drift-events-source"));
    TransitionHistory.attach(builder, events, keep);
    topology = builder.build();
    driver = new TopologyTestDriver(topology, props, START);
    return driver.createInputTopic(
        Topics.DRIFT_EVENTS.name(),
        Topics.DRIFT_EVENTS.keySerde().serializer(),
        Topics.DRIFT_EVENTS.valueSerde().serializer());
  }

  private KeyValueStore<ResourceKey, RecentTransitions> store() {
    return driver.getKeyValueStore(TransitionHistory.STORE);
  }

  private static DriftEvent event(ResourceKey key, DriftTransition transition, Instant at) {
    return DriftEvent.of(key, transition, DriftType.MODIFIED, List.of(), "c", START, at, null);
  }
}
