package io.driftwatch.drift.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.model.DriftEvent;
import io.driftwatch.model.DriftTransition;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.RemediationRequest;
import io.driftwatch.model.RemediationRequest.Action;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RemediationPlannerTest {

  private static final ResourceKey API =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "api");
  private static final ResourceKey WEB =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private static RemediationPolicy policy(String action) {
    return RemediationPolicy.of(
        List.of(
            new RemediationRule("heal", "prod", null, null, null, List.of("MODIFIED"), action)));
  }

  private static RemediationBackoff backoff(int maxAttempts, Duration cooldown) {
    return new RemediationBackoff(
        Duration.ofSeconds(2), 3, Duration.ofMinutes(5), maxAttempts, cooldown);
  }

  private static DriftEvent event(
      ResourceKey key, DriftTransition transition, DriftType type, Instant openedAt, Instant at) {
    return DriftEvent.of(key, transition, type, List.of(), "c0ffee", openedAt, at, null);
  }

  /** Feeds one resource's transitions and ticks to the planner, keeping its state as the store. */
  private static final class Resource {
    private final RemediationPlanner planner;
    private final ResourceKey key;
    RemediationState state;
    final List<RemediationRequest> requests = new ArrayList<>();

    Resource(RemediationPlanner planner, ResourceKey key) {
      this.planner = planner;
      this.key = key;
    }

    RemediationPlanner.Step opened(Instant at) {
      return apply(
          planner.onTransition(
              state, event(key, DriftTransition.OPENED, DriftType.MODIFIED, at, at), null, at));
    }

    RemediationPlanner.Step updated(DriftType type, Instant openedAt, Instant at) {
      return apply(
          planner.onTransition(
              state, event(key, DriftTransition.UPDATED, type, openedAt, at), null, at));
    }

    RemediationPlanner.Step resolved(Instant openedAt, Instant at) {
      return apply(
          planner.onTransition(
              state,
              event(key, DriftTransition.RESOLVED, DriftType.MODIFIED, openedAt, at),
              null,
              at));
    }

    RemediationPlanner.Step tick(Instant at) {
      return apply(planner.onTick(state, at));
    }

    /** Ticks whenever the state says something is due, up to {@code until}. */
    void runUntil(Instant until) {
      while (state != null && state.dueAt() != null && !state.dueAt().isAfter(until)) {
        tick(state.dueAt());
      }
    }

    private RemediationPlanner.Step apply(RemediationPlanner.Step step) {
      if (step.changed()) {
        state = step.next();
      }
      if (step.request() != null) {
        requests.add(step.request());
      }
      return step;
    }
  }

  private static List<Long> gapsInSeconds(List<RemediationRequest> requests) {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < requests.size(); i++) {
      gaps.add(
          Duration.between(requests.get(i - 1).requestedAt(), requests.get(i).requestedAt())
              .toSeconds());
    }
    return gaps;
  }

  @Test
  void theFirstAttemptIsRequestedAsSoonAsTheDriftOpens() {
    Resource api =
        new Resource(new RemediationPlanner(policy("apply"), RemediationBackoff.defaults()), API);
    api.opened(T0);
    assertThat(api.requests).hasSize(1);
    RemediationRequest first = api.requests.get(0);
    assertThat(first.action()).isEqualTo(Action.APPLY);
    assertThat(first.attempt()).isEqualTo(1);
    assertThat(first.escalated()).isFalse();
    assertThat(first.rule()).isEqualTo("heal");
    assertThat(first.openedAt()).isEqualTo(T0);
    assertThat(first.requestedAt()).isEqualTo(T0);
    assertThat(first.desiredCommit()).isEqualTo("c0ffee");
    assertThat(api.state.dueAt()).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void attemptsWhileTheDriftStaysOpenAreSpacedLikeArgoCdSelfHeal() {
    Resource api =
        new Resource(new RemediationPlanner(policy("reconcile"), backoff(10, Duration.ZERO)), API);
    api.opened(T0);
    api.runUntil(T0.plus(Duration.ofHours(1)));
    List<RemediationRequest> attempts =
        api.requests.stream().filter(request -> !request.escalated()).toList();
    assertThat(attempts)
        .extracting(RemediationRequest::attempt)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(gapsInSeconds(attempts))
        .containsExactly(2L, 6L, 18L, 54L, 162L, 300L, 300L, 300L, 300L);
  }

  @Test
  void aTickBeforeTheAttemptIsDueChangesNothing() {
    Resource api =
        new Resource(new RemediationPlanner(policy("apply"), RemediationBackoff.defaults()), API);
    api.opened(T0);
    RemediationState before = api.state;
    assertThat(api.tick(T0.plusMillis(1999)).changed()).isFalse();
    assertThat(api.state).isEqualTo(before);
    assertThat(api.requests).hasSize(1);
  }

  @Test
  void afterTheMaximumAttemptsOneEscalationReplacesTheNextAttempt() {
    Resource api =
        new Resource(new RemediationPlanner(policy("apply"), RemediationBackoff.defaults()), API);
    api.opened(T0);
    api.runUntil(T0.plus(Duration.ofDays(1)));
    assertThat(api.requests).hasSize(7);
    assertThat(api.requests.subList(0, 6)).allMatch(request -> !request.escalated());
    RemediationRequest escalation = api.requests.get(6);
    assertThat(escalation.escalated()).isTrue();
    assertThat(escalation.action()).isEqualTo(Action.APPLY);
    assertThat(escalation.attempt()).isEqualTo(6);
    // 2 + 6 + 18 + 54 + 162 s of waits between the six attempts, then the capped 300 s.
    assertThat(escalation.requestedAt()).isEqualTo(T0.plusSeconds(242 + 300));
    assertThat(api.state.dueAt()).isNull();
    assertThat(api.tick(T0.plus(Duration.ofDays(2))).changed()).isFalse();
  }

  @Test
  void aResolvedDriftStopsTheAttempts() {
    Resource api =
        new Resource(new RemediationPlanner(policy("apply"), RemediationBackoff.defaults()), API);
    api.opened(T0);
    api.tick(T0.plusSeconds(2));
    api.resolved(T0, T0.plusSeconds(3));
    api.runUntil(T0.plus(Duration.ofDays(1)));
    assertThat(api.requests).extracting(RemediationRequest::attempt).containsExactly(1, 2);
    assertThat(api.state).as("forgotten once the cooldown ran out").isNull();
  }

  @Test
  void withoutACooldownAResolvedResetsTheAttempts() {
    Resource api =
        new Resource(new RemediationPlanner(policy("apply"), backoff(6, Duration.ZERO)), API);
    api.opened(T0);
    api.runUntil(T0.plusSeconds(26));
    assertThat(api.requests).hasSize(4);
    assertThat(api.resolved(T0, T0.plusSeconds(30)).next()).as("forgotten at once").isNull();
    Instant reopened = T0.plusSeconds(31);
    api.opened(reopened);
    RemediationRequest first = api.requests.get(4);
    assertThat(first.attempt()).isEqualTo(1);
    assertThat(first.requestedAt()).isEqualTo(reopened);
    assertThat(first.openedAt()).isEqualTo(reopened);
  }

  @Test
  void aDriftThatComesBackWithinTheCooldownKeepsItsBackoffLikeArgoCd() {
    Resource api =
        new Resource(new RemediationPlanner(policy("apply"), RemediationBackoff.defaults()), API);
    api.opened(T0);
    api.runUntil(T0.plusSeconds(8));
    assertThat(api.requests).hasSize(3);
    api.resolved(T0, T0.plusSeconds(9));
    Instant reopened = T0.plusSeconds(10);
    api.opened(reopened);
    assertThat(api.requests).as("the third attempt was at 8 s, the fourth waits 18 s").hasSize(3);
    api.runUntil(T0.plusSeconds(26));
    RemediationRequest fourth = api.requests.get(3);
    assertThat(fourth.attempt()).isEqualTo(4);
    assertThat(fourth.requestedAt()).isEqualTo(T0.plusSeconds(26));
    assertThat(fourth.openedAt()).isEqualTo(reopened);
  }

  @Test
  void aDriftThatComesBackAfterTheCooldownStartsOver() {
    Resource api =
        new Resource(new RemediationPlanner(policy("apply"), RemediationBackoff.defaults()), API);
    api.opened(T0);
    api.runUntil(T0.plusSeconds(8));
    api.resolved(T0, T0.plusSeconds(9));
    Instant reopened = T0.plusSeconds(9 + 330);
    api.opened(reopened);
    RemediationRequest last = api.requests.get(api.requests.size() - 1);
    assertThat(last.attempt()).isEqualTo(1);
    assertThat(last.requestedAt()).isEqualTo(reopened);
  }

  @Test
  void anEscalatedResourceThatFlapsWithinTheCooldownEscalatesOncePerEpisode() {
    Resource api =
        new Resource(
            new RemediationPlanner(policy("apply"), backoff(2, Duration.ofSeconds(330))), API);
    api.opened(T0);
    api.runUntil(T0.plusSeconds(100));
    assertThat(api.requests)
        .extracting(RemediationRequest::escalated)
        .containsExactly(false, false, true);
    api.resolved(T0, T0.plusSeconds(101));
    api.opened(T0.plusSeconds(102));
    api.runUntil(T0.plusSeconds(1000));
    assertThat(api.requests)
        .extracting(RemediationRequest::escalated)
        .containsExactly(false, false, true, true);
    assertThat(api.requests.get(3).openedAt()).isEqualTo(T0.plusSeconds(102));
  }

  @Test
  void noMatchingRuleMeansNoRequestAndNothingStored() {
    RemediationPlanner planner =
        new RemediationPlanner(RemediationPolicy.detectOnly(), RemediationBackoff.defaults());
    Resource api = new Resource(planner, API);
    assertThat(api.opened(T0).changed()).isFalse();
    assertThat(api.requests).isEmpty();
    assertThat(api.state).isNull();
  }

  @Test
  void aNoneRuleRequestsNothing() {
    Resource api =
        new Resource(new RemediationPlanner(policy("none"), RemediationBackoff.defaults()), API);
    api.opened(T0);
    api.runUntil(T0.plus(Duration.ofDays(1)));
    assertThat(api.requests).isEmpty();
  }

  @Test
  void notifyIsRequestedOncePerEpisodeWithoutRetriesOrEscalation() {
    Resource api =
        new Resource(new RemediationPlanner(policy("notify"), RemediationBackoff.defaults()), API);
    api.opened(T0);
    api.updated(DriftType.MODIFIED, T0, T0.plusSeconds(5));
    api.runUntil(T0.plus(Duration.ofDays(1)));
    assertThat(api.requests).hasSize(1);
    assertThat(api.requests.get(0).action()).isEqualTo(Action.NOTIFY);
    api.resolved(T0, T0.plusSeconds(60));
    api.opened(T0.plusSeconds(61));
    assertThat(api.requests).hasSize(2);
  }

  @Test
  void anUpdateToADriftTypeNoRuleCoversStopsTheAttempts() {
    Resource api =
        new Resource(new RemediationPlanner(policy("apply"), RemediationBackoff.defaults()), API);
    api.opened(T0);
    api.updated(DriftType.MISSING_LIVE, T0, T0.plusSeconds(1));
    api.runUntil(T0.plus(Duration.ofDays(1)));
    assertThat(api.requests).hasSize(1);
    assertThat(api.state.dueAt()).isNull();
    api.updated(DriftType.MODIFIED, T0, T0.plusSeconds(100));
    assertThat(api.requests).extracting(RemediationRequest::attempt).containsExactly(1, 2);
  }

  @Test
  void aReplayedOpenedForTheSameEpisodeRequestsNothingAgain() {
    Resource api =
        new Resource(new RemediationPlanner(policy("apply"), RemediationBackoff.defaults()), API);
    api.opened(T0);
    RemediationState stored = api.state;
    assertThat(api.opened(T0).changed()).isFalse();
    assertThat(api.state).isEqualTo(stored);
    assertThat(api.requests).hasSize(1);
  }

  @Test
  void idempotencyKeysAreStableForTheSameDecision() {
    Resource first =
        new Resource(new RemediationPlanner(policy("apply"), RemediationBackoff.defaults()), API);
    Resource replay =
        new Resource(new RemediationPlanner(policy("apply"), RemediationBackoff.defaults()), API);
    for (Resource run : List.of(first, replay)) {
      run.opened(T0);
      run.runUntil(T0.plus(Duration.ofDays(1)));
    }
    assertThat(replay.requests)
        .extracting(RemediationRequest::idempotencyKey)
        .containsExactlyElementsOf(
            first.requests.stream().map(RemediationRequest::idempotencyKey).toList());
    assertThat(first.requests.get(0).idempotencyKey()).matches("[0-9a-f]{64}");
  }

  @Test
  void idempotencyKeysDifferPerAttemptEpisodeResourceAndEscalation() {
    RemediationPlanner planner = new RemediationPlanner(policy("apply"), backoff(6, Duration.ZERO));
    Resource api = new Resource(planner, API);
    Resource web = new Resource(planner, WEB);
    api.opened(T0);
    api.runUntil(T0.plus(Duration.ofHours(1)));
    api.resolved(T0, T0.plus(Duration.ofHours(2)));
    api.opened(T0.plus(Duration.ofHours(3)));
    web.opened(T0);
    List<RemediationRequest> all = new ArrayList<>(api.requests);
    all.addAll(web.requests);
    assertThat(all).hasSize(9);
    Set<String> keys = new HashSet<>();
    all.forEach(request -> keys.add(request.idempotencyKey()));
    assertThat(keys).hasSize(all.size());
  }

  @Test
  void theStateSurvivesTheStoreSerde() throws Exception {
    Resource api =
        new Resource(new RemediationPlanner(policy("apply"), RemediationBackoff.defaults()), API);
    api.opened(T0);
    api.tick(T0.plusSeconds(2));
    ObjectMapper mapper = Json.mapper();
    String json = mapper.writeValueAsString(api.state);
    assertThat(mapper.readValue(json, RemediationState.class)).isEqualTo(api.state);
    RemediationRequest request = api.requests.get(1);
    assertThat(mapper.readValue(mapper.writeValueAsString(request), RemediationRequest.class))
        .isEqualTo(request);
  }
}
