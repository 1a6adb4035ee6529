package io.driftwatch.drift.reconcile;

import static io.driftwatch.drift.reconcile.Statuses.KEY;
import static io.driftwatch.drift.reconcile.Statuses.failing;
import static io.driftwatch.drift.reconcile.Statuses.minute;
import static io.driftwatch.drift.reconcile.Statuses.progressing;
import static io.driftwatch.drift.reconcile.Statuses.ready;
import static io.driftwatch.drift.reconcile.Statuses.suspended;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.drift.reconcile.ReconcileFailureTracker.Step;
import io.driftwatch.model.ReconcileEvent;
import io.driftwatch.model.ReconcileEvent.Transition;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ReconcilerStatus.ReadyState;
import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import io.driftwatch.model.serde.JsonSerde;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReconcileFailureTrackerTest {

  private static final String TOPIC = "gitops.reconcile-failures.v1";

  private final ReconcileFailureTracker tracker =
      new ReconcileFailureTracker(ReconcileFailureSettings.DEFAULTS);

  /** Feeds statuses in order, one per given minute, and returns the last step. */
  private Step[] run(ReconcileFailureTracker on, Object... minuteThenStatus) {
    Step[] steps = new Step[minuteThenStatus.length / 2];
    ReconcileEpisode state = null;
    for (int i = 0; i < minuteThenStatus.length; i += 2) {
      Instant at = minute(((Number) minuteThenStatus[i]).longValue());
      Step step = on.advance(KEY, state, (ReconcilerStatus) minuteThenStatus[i + 1], at);
      if (step.changed()) {
        state = step.next();
      }
      steps[i / 2] = step;
    }
    return steps;
  }

  @Test
  void readyFalseOpensAnEpisodeWithReasonMessageRevisionOneAttemptAndItsOnset() {
    Step step =
        tracker.advance(
            KEY, null, failing("BuildFailed", "kustomize build failed", "r1"), minute(0));

    assertThat(step.changed()).isTrue();
    assertThat(step.event())
        .isEqualTo(
            ReconcileEvent.of(
                KEY,
                ReconcilerTool.FLUX,
                Transition.FAILING,
                "BuildFailed",
                "kustomize build failed",
                "r1",
                1,
                minute(0),
                minute(0),
                null));
    assertThat(step.next().failingSince()).isEqualTo(minute(0));
  }

  @Test
  void aHealthyReconcilerKeepsNoStateAndPublishesNothing() {
    assertThat(tracker.advance(KEY, null, ready("r1"), minute(0)).changed()).isFalse();
  }

  @Test
  void anIdenticalRepeatPublishesNothingEvenLongAfterTheWindow() {
    ReconcilerStatus same = failing("BuildFailed", "boom", "r1");

    Step[] steps = run(tracker, 0, same, 1, same, 60, same);

    assertThat(steps[1].changed()).isFalse();
    assertThat(steps[2].changed()).isFalse();
  }

  @Test
  void aNewAttemptedRevisionPublishesAnotherFailingCountingOneMoreAttemptFromTheSameOnset() {
    Step[] steps =
        run(
            tracker,
            0,
            failing("BuildFailed", "boom", "r1"),
            2,
            failing("BuildFailed", "boom", "r2"));

    ReconcileEvent event = steps[1].event();
    assertThat(event.transition()).isEqualTo(Transition.FAILING);
    assertThat(event.revision()).isEqualTo("r2");
    assertThat(event.attempts()).isEqualTo(2);
    assertThat(event.failingSince()).isEqualTo(minute(0));
    assertThat(event.at()).isEqualTo(minute(2));
  }

  @Test
  void aChangedReasonOrMessagePublishesAnotherFailing() {
    Step[] steps =
        run(
            tracker,
            0,
            failing("BuildFailed", "boom", "r1"),
            1,
            failing("HealthCheckFailed", "boom", "r1"),
            2,
            failing("HealthCheckFailed", "timeout waiting for Deployment/web", "r1"));

    assertThat(steps[1].event().reason()).isEqualTo("HealthCheckFailed");
    assertThat(steps[1].event().attempts()).isEqualTo(2);
    assertThat(steps[2].event().message()).isEqualTo("timeout waiting for Deployment/web");
    assertThat(steps[2].event().attempts()).isEqualTo(3);
  }

  @Test
  void aFailurePublishedWithinTheWindowIsCountedButNotPublishedAgain() {
    Step[] steps =
        run(
            tracker,
            0,
            failing("ArtifactFailed", "dial tcp: i/o timeout", "r1"),
            1,
            failing("ArtifactFailed", "context deadline exceeded", "r1"),
            4,
            failing("ArtifactFailed", "dial tcp: i/o timeout", "r1"));

    assertThat(steps[2].changed()).as("the attempt count is stored").isTrue();
    assertThat(steps[2].event()).isNull();
    assertThat(steps[2].next().attempts()).isEqualTo(3);
    assertThat(steps[2].next().message()).isEqualTo("dial tcp: i/o timeout");
  }

  @Test
  void aFailurePublishedLongerAgoThanTheWindowIsPublishedAgain() {
    Step[] steps =
        run(
            tracker,
            0,
            failing("ArtifactFailed", "dial tcp: i/o timeout", "r1"),
            1,
            failing("ArtifactFailed", "context deadline exceeded", "r1"),
            5,
            failing("ArtifactFailed", "dial tcp: i/o timeout", "r1"));

    assertThat(steps[2].event()).isNotNull();
    assertThat(steps[2].event().attempts()).isEqualTo(3);
  }

  @Test
  void theWindowIsConfigurable() {
    ReconcileFailureTracker oneMinute =
        new ReconcileFailureTracker(new ReconcileFailureSettings(Duration.ofMinutes(1)));
    Step[] steps =
        run(
            oneMinute,
            0,
            failing("ArtifactFailed", "a", "r1"),
            0,
            failing("ArtifactFailed", "b", "r1"),
            1,
            failing("ArtifactFailed", "a", "r1"));

    assertThat(steps[2].event()).isNotNull();
  }

  @Test
  void aZeroOrMissingWindowIsRefusedNamingTheSettingAndTheDefault() {
    assertThatThrownBy(() -> new ReconcileFailureSettings(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reconcileFailures.dedupWindow must be positive")
        .hasMessageContaining("PT5M");
    assertThatThrownBy(() -> new ReconcileFailureSettings(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readyTrueAfterFailingRecoversWithTheDurationTheAttemptsAndTheAppliedRevision() {
    Step[] steps =
        run(
            tracker,
            0,
            failing("BuildFailed", "boom", "r1"),
            3,
            failing("BuildFailed", "boom", "r2"),
            12,
            ready("r3"));

    Step recovered = steps[2];
    assertThat(recovered.changed()).isTrue();
    assertThat(recovered.next()).as("a healthy reconciler keeps no state").isNull();
    assertThat(recovered.event())
        .isEqualTo(
            ReconcileEvent.of(
                KEY,
                ReconcilerTool.FLUX,
                Transition.RECOVERED,
                "ReconciliationSucceeded",
                "Applied revision: r3",
                "r3",
                2,
                minute(0),
                minute(12),
                Duration.ofMinutes(12).toMillis()));
  }

  @Test
  void unknownReadinessNeitherOpensNorClosesAnEpisode() {
    assertThat(tracker.advance(KEY, null, progressing(), minute(0)).changed()).isFalse();

    Step[] steps =
        run(tracker, 0, failing("BuildFailed", "boom", "r1"), 1, progressing(), 2, ready("r1"));
    assertThat(steps[1].changed()).isFalse();
    assertThat(steps[2].event().durationMillis()).isEqualTo(Duration.ofMinutes(2).toMillis());
  }

  @Test
  void aSuspendedReconcilerNeitherOpensNorClosesAnEpisode() {
    assertThat(
            tracker
                .advance(KEY, null, suspended(ReadyState.FALSE, "BuildFailed", "r1"), minute(0))
                .changed())
        .isFalse();

    Step[] steps =
        run(
            tracker,
            0,
            failing("BuildFailed", "boom", "r1"),
            1,
            suspended(ReadyState.TRUE, "ReconciliationSucceeded", "r1"),
            2,
            suspended(ReadyState.FALSE, "OtherFailure", "r2"),
            9,
            ready("r2"));
    assertThat(steps[1].changed()).isFalse();
    assertThat(steps[2].changed()).isFalse();
    assertThat(steps[3].event().transition()).isEqualTo(Transition.RECOVERED);
    assertThat(steps[3].event().attempts()).isEqualTo(1);
  }

  @Test
  void aTombstoneWhileFailingClosesTheEpisodeAsDeletedWithTheLastFailure() {
    Step[] steps = run(tracker, 0, failing("BuildFailed", "boom", "r1"), 5, null);

    assertThat(steps[1].next()).isNull();
    assertThat(steps[1].event())
        .isEqualTo(
            ReconcileEvent.of(
                KEY,
                ReconcilerTool.FLUX,
                Transition.DELETED,
                "BuildFailed",
                "boom",
                "r1",
                1,
                minute(0),
                minute(5),
                Duration.ofMinutes(5).toMillis()));
  }

  @Test
  void aTombstoneOfAHealthyReconcilerPublishesNothing() {
    assertThat(tracker.advance(KEY, null, null, minute(0)).changed()).isFalse();
  }

  @Test
  void aFailureAfterARecoveryOpensANewEpisodeEvenWithinTheWindow() {
    ReconcilerStatus boom = failing("BuildFailed", "boom", "r1");
    Step[] steps = run(tracker, 0, boom, 1, ready("r0"), 2, boom);

    assertThat(steps[2].event().transition()).isEqualTo(Transition.FAILING);
    assertThat(steps[2].event().attempts()).isEqualTo(1);
    assertThat(steps[2].event().failingSince()).isEqualTo(minute(2));
  }

  @Test
  void theRememberedFailuresAreBounded() {
    ReconcileEpisode state = null;
    for (int i = 0; i < ReconcileFailureTracker.MAX_REMEMBERED + 10; i++) {
      state = tracker.advance(KEY, state, failing("BuildFailed", "m" + i, "r1"), minute(0)).next();
    }
    assertThat(state.published()).hasSize(ReconcileFailureTracker.MAX_REMEMBERED);
    assertThat(state.attempts()).isEqualTo(ReconcileFailureTracker.MAX_REMEMBERED + 10);
  }

  @Test
  void theStateRoundTripsThroughTheProjectsJsonSerdeSoAChangelogRestoresIt() {
    Step[] steps =
        run(
            tracker,
            0,
            failing("BuildFailed", "boom", "r1"),
            1,
            failing("BuildFailed", "bang", null));
    JsonSerde<ReconcileEpisode> serde = JsonSerde.of(ReconcileEpisode.class);

    ReconcileEpisode restored =
        serde
            .deserializer()
            .deserialize(
                "store-changelog",
                serde.serializer().serialize("store-changelog", steps[1].next()));

    assertThat(restored).isEqualTo(steps[1].next());
    assertThat(
            tracker.advance(KEY, restored, failing("BuildFailed", "boom", "r1"), minute(2)).event())
        .as("the window survives the restore")
        .isNull();
  }

  @Test
  void theEventRoundTripsThroughTheProjectsJsonSerde() {
    ReconcileEvent event =
        tracker.advance(KEY, null, failing("BuildFailed", "boom", "r1"), minute(0)).event();
    JsonSerde<ReconcileEvent> serde = JsonSerde.of(ReconcileEvent.class);

    assertThat(serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, event)))
        .isEqualTo(event);
  }
}
