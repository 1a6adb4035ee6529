package io.driftwatch.drift.reconcile;

import static io.driftwatch.drift.reconcile.Statuses.KEY;
import static io.driftwatch.drift.reconcile.Statuses.minute;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.drift.reconcile.ReconcileFailureTracker.Step;
import io.driftwatch.model.ReconcileEvent;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ReconcilerStatus.ReadyState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole sequences of one reconciler's statuses, one row per observation: {@code minute | input ->
 * expected}. Inputs: {@code F reason/message/revision} (Ready False), {@code T revision} (Ready
 * True), {@code U} (Unknown), {@code S} prefix (suspended), {@code X} (tombstone). Expected: {@code
 * -} (nothing published) or the event as {@link #render} writes it.
 */
class ReconcileFailureSequenceTest {

  static Stream<Arguments> sequences() {
    return Stream.of(
        Arguments.of(
            "fail, repeat, new revision, recover",
            List.of(
                "0 | F BuildFailed/boom/r1 -> FAILING BuildFailed/boom/r1 #1 since 0",
                "1 | F BuildFailed/boom/r1 -> -",
                "2 | U -> -",
                "4 | F BuildFailed/boom/r2 -> FAILING BuildFailed/boom/r2 #2 since 0",
                "10 | T r3 -> RECOVERED ReconciliationSucceeded/r3 #2 since 0 for 10m")),
        Arguments.of(
            "two alternating messages publish once each per window",
            List.of(
                "0 | F ArtifactFailed/timeout/r1 -> FAILING ArtifactFailed/timeout/r1 #1 since 0",
                "1 | F ArtifactFailed/refused/r1 -> FAILING ArtifactFailed/refused/r1 #2 since 0",
                "2 | F ArtifactFailed/timeout/r1 -> -",
                "3 | F ArtifactFailed/refused/r1 -> -",
                "5 | F ArtifactFailed/timeout/r1 -> FAILING ArtifactFailed/timeout/r1 #5 since 0",
                "6 | F ArtifactFailed/refused/r1 -> FAILING ArtifactFailed/refused/r1 #6 since 0",
                "7 | T r1 -> RECOVERED ReconciliationSucceeded/r1 #6 since 0 for 7m")),
        Arguments.of(
            "the example in docs/reconcile-failures.md",
            List.of(
                "0 | F ArtifactFailed/dial tcp: i/o timeout/r1"
                    + " -> FAILING ArtifactFailed/dial tcp: i/o timeout/r1 #1 since 0",
                "1 | F ArtifactFailed/context deadline exceeded/r1"
                    + " -> FAILING ArtifactFailed/context deadline exceeded/r1 #2 since 0",
                "2 | F ArtifactFailed/dial tcp: i/o timeout/r1 -> -",
                "3 | F ArtifactFailed/dial tcp: i/o timeout/r1 -> -",
                "4 | U -> -",
                "5 | F ArtifactFailed/context deadline exceeded/r1 -> -",
                "6 | F ArtifactFailed/dial tcp: i/o timeout/r1"
                    + " -> FAILING ArtifactFailed/dial tcp: i/o timeout/r1 #5 since 0",
                "9 | T r2 -> RECOVERED ReconciliationSucceeded/r2 #5 since 0 for 9m")),
        Arguments.of(
            "suspended while failing, resumed, deleted",
            List.of(
                "0 | F HealthCheckFailed/web not ready/r1"
                    + " -> FAILING HealthCheckFailed/web not ready/r1 #1 since 0",
                "5 | S T r1 -> -",
                "6 | S F Other/x/r9 -> -",
                "20 | X -> DELETED HealthCheckFailed/web not ready/r1 #1 since 0 for 20m",
                "21 | X -> -")),
        Arguments.of(
            "flapping opens one episode per failure",
            List.of(
                "0 | T r1 -> -",
                "1 | F BuildFailed/boom/r2 -> FAILING BuildFailed/boom/r2 #1 since 1",
                "2 | T r2 -> RECOVERED ReconciliationSucceeded/r2 #1 since 1 for 1m",
                "3 | F BuildFailed/boom/r2 -> FAILING BuildFailed/boom/r2 #1 since 3",
                "4 | U -> -",
                "5 | T r2 -> RECOVERED ReconciliationSucceeded/r2 #1 since 3 for 2m")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sequences")
  void eachObservationPublishesExactlyTheExpectedTransition(String name, List<String> rows) {
    ReconcileFailureTracker tracker =
        new ReconcileFailureTracker(ReconcileFailureSettings.DEFAULTS);
    ReconcileEpisode state = null;
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    for (String row : rows) {
      String[] timeAndRest = row.split(" \\| ", 2);
      String[] inputAndExpected = timeAndRest[1].split(" -> ", 2);
      long at = Long.parseLong(timeAndRest[0]);
      Step step = tracker.advance(KEY, state, parse(inputAndExpected[0]), minute(at));
      if (step.changed()) {
        state = step.next();
      }
      expected.add(at + " | " + inputAndExpected[1]);
      actual.add(at + " | " + render(step.event()));
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  private static ReconcilerStatus parse(String input) {
    boolean suspended = input.startsWith("S ");
    String rest = suspended ? input.substring(2) : input;
    if (rest.equals("X")) {
      return null;
    }
    if (rest.equals("U")) {
      return Statuses.status(
          ReadyState.UNKNOWN, "Progressing", "in progress", suspended, null, null);
    }
    if (rest.startsWith("T ")) {
      String revision = rest.substring(2);
      return Statuses.status(
          ReadyState.TRUE, "ReconciliationSucceeded", "ok", suspended, revision, revision);
    }
    // reason/message/revision, where the message may itself hold a slash
    String failure = rest.substring(2);
    int first = failure.indexOf('/');
    int last = failure.lastIndexOf('/');
    return Statuses.status(
        ReadyState.FALSE,
        failure.substring(0, first),
        failure.substring(first + 1, last),
        suspended,
        "r0",
        failure.substring(last + 1));
  }

  private static String render(ReconcileEvent event) {
    if (event == null) {
      return "-";
    }
    String what =
        switch (event.transition()) {
          case RECOVERED -> event.reason() + "/" + event.revision();
          case FAILING, DELETED -> event.reason() + "/" + event.message() + "/" + event.revision();
        };
    long since = Duration.between(minute(0), event.failingSince()).toMinutes();
    String duration =
        event.durationMillis() == null
            ? ""
            : " for " + Duration.ofMillis(event.durationMillis()).toMinutes() + "m";
    return event.transition() + " " + what + " #" + event.attempts() + " since " + since + duration;
  }
}
