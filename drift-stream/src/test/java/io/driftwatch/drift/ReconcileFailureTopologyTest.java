package io.driftwatch.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.ReconcileEvent;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ReconcilerStatus.ReadyState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconcile-failure branch of the topology: reconciler statuses in, deduplicated FAILING /
 * RECOVERED / DELETED out, with the episode kept in its store between records.
 */
class ReconcileFailureTopologyTest {

  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static final ResourceKey APPS =
      ResourceKey.of("prod", "kustomize.toolkit.fluxcd.io/v1", "Kustomization", "flux", "apps");

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<ResourceKey, ReconcilerStatus> statuses;
  private TestOutputTopic<ResourceKey, ReconcileEvent> failures;

  @BeforeEach
  void startDriver() {
    DriftStreamConfig config =
        new DriftStreamConfig(
            "reconcile-topology-test",
            stateDir,
            Duration.ofMillis(100),
            DriftStreamConfig.defaultComparison());
    Properties props = DriftStream.streamsProperties(config, KafkaSettings.of("unused:9092"));
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    driver = new TopologyTestDriver(DriftTopology.build(config), props, START);
    statuses =
        driver.createInputTopic(
            Topics.RECONCILER_STATUS.name(),
            Topics.RECONCILER_STATUS.keySerde().serializer(),
            Topics.RECONCILER_STATUS.valueSerde().serializer());
    failures =
        driver.createOutputTopic(
            Topics.RECONCILE_FAILURES.name(),
            Topics.RECONCILE_FAILURES.keySerde().deserializer(),
            Topics.RECONCILE_FAILURES.valueSerde().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  private static ReconcilerStatus status(ReadyState ready, String reason, String revision) {
    return new ReconcilerStatus(
        ReconcilerStatus.SCHEMA_VERSION,
        APPS,
        ReconcilerStatus.ReconcilerTool.FLUX,
        ready,
        reason,
        ready == ReadyState.TRUE ? "Applied revision: " + revision : "kustomize build failed",
        false,
        "main@sha1:" + revision,
        "main@sha1:" + revision,
        3L,
        3L,
        List.of(),
        List.of(),
        START);
  }

  @Test
  void aFailingReconcilerIsReportedOnceThenItsRecoveryWithTheEpisodeDuration() {
    statuses.pipeInput(APPS, status(ReadyState.TRUE, "ReconciliationSucceeded", "aaa"));
    statuses.pipeInput(APPS, status(ReadyState.FALSE, "BuildFailed", "bbb"));
    driver.advanceWallClockTime(Duration.ofSeconds(30));
    statuses.pipeInput(APPS, status(ReadyState.FALSE, "BuildFailed", "bbb"));
    driver.advanceWallClockTime(Duration.ofSeconds(90));
    statuses.pipeInput(APPS, status(ReadyState.TRUE, "ReconciliationSucceeded", "ccc"));

    List<ReconcileEvent> events = failures.readValuesToList();

    assertThat(events)
        .extracting(ReconcileEvent::transition)
        .containsExactly(ReconcileEvent.Transition.FAILING, ReconcileEvent.Transition.RECOVERED);
    assertThat(events.get(0).reason()).isEqualTo("BuildFailed");
    assertThat(events.get(1).durationMillis()).isEqualTo(Duration.ofSeconds(120).toMillis());
  }

  @Test
  void deletingAFailingReconcilerClosesItsEpisode() {
    statuses.pipeInput(APPS, status(ReadyState.FALSE, "BuildFailed", "bbb"));
    statuses.pipeInput(APPS, (ReconcilerStatus) null);

    assertThat(failures.readValuesToList())
        .extracting(ReconcileEvent::transition)
        .containsExactly(ReconcileEvent.Transition.FAILING, ReconcileEvent.Transition.DELETED);
  }
}
