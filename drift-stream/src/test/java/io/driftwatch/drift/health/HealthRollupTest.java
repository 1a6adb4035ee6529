package io.driftwatch.drift.health;

import static io.driftwatch.drift.health.HealthStatus.DEGRADED;
import static io.driftwatch.drift.health.HealthStatus.HEALTHY;
import static io.driftwatch.drift.health.HealthStatus.MISSING;
import static io.driftwatch.drift.health.HealthStatus.PROGRESSING;
import static io.driftwatch.drift.health.HealthStatus.SUSPENDED;
import static io.driftwatch.drift.health.HealthStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.model.ResourceKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HealthRollupTest {

  private static final ResourceKey API =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "api");
  private static final ResourceKey WEB =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");
  private static final ResourceKey DB =
      ResourceKey.of("prod", "apps/v1", "StatefulSet", "shop", "db");

  private static HealthAssessment a(HealthStatus status, String message) {
    return HealthAssessment.of(status, message);
  }

  @Test
  void theWorstStatusWinsWithItsMessage() {
    assertThat(
            HealthRollup.worst(
                List.of(
                    a(HEALTHY, ""),
                    a(PROGRESSING, "rollout in progress"),
                    a(DEGRADED, "crash loop"),
                    a(SUSPENDED, "paused"))))
        .contains(a(DEGRADED, "crash loop"));
  }

  @Test
  void missingIsWorseThanProgressingAndBetterThanDegraded() {
    assertThat(HealthRollup.worst(List.of(a(PROGRESSING, "p"), a(MISSING, "m"))))
        .contains(a(MISSING, "m"));
    assertThat(HealthRollup.worst(List.of(a(DEGRADED, "d"), a(MISSING, "m"))))
        .contains(a(DEGRADED, "d"));
  }

  @Test
  void unknownIsWorstOfAll() {
    assertThat(HealthRollup.worst(List.of(a(DEGRADED, "d"), a(UNKNOWN, "u"), a(MISSING, "m"))))
        .contains(a(UNKNOWN, "u"));
  }

  @Test
  void suspendedAloneDoesNotLookHealthy() {
    assertThat(HealthRollup.worst(List.of(a(HEALTHY, ""), a(SUSPENDED, "paused"))))
        .contains(a(SUSPENDED, "paused"));
  }

  @Test
  void amongEquallyBadOnesTheFirstWins() {
    assertThat(HealthRollup.worst(List.of(a(DEGRADED, "first"), a(DEGRADED, "second"))))
        .contains(a(DEGRADED, "first"));
  }

  @Test
  void anEmptyGroupHasNoHealth() {
    assertThat(HealthRollup.worst(List.of())).isEmpty();
    assertThat(HealthRollup.worstResource(Map.of())).isEmpty();
  }

  @Test
  void theWorstResourceIsNamedWithItsAssessment() {
    Map<ResourceKey, HealthAssessment> byResource = new LinkedHashMap<>();
    byResource.put(WEB, a(HEALTHY, ""));
    byResource.put(DB, a(PROGRESSING, "waiting for 1 pods to be ready"));
    byResource.put(API, HealthAssessment.missing());

    var worst = HealthRollup.worstResource(byResource).orElseThrow();

    assertThat(worst.getKey()).isEqualTo(API);
    assertThat(worst.getValue()).isEqualTo(HealthAssessment.missing());
  }

  @Test
  void amongEquallyBadResourcesTheSmallestKeyWinsWhateverTheMapOrder() {
    Map<ResourceKey, HealthAssessment> one = new LinkedHashMap<>();
    one.put(WEB, a(DEGRADED, "web"));
    one.put(API, a(DEGRADED, "api"));
    Map<ResourceKey, HealthAssessment> other = new HashMap<>(one);

    assertThat(HealthRollup.worstResource(one).orElseThrow().getKey()).isEqualTo(API);
    assertThat(HealthRollup.worstResource(other).orElseThrow().getKey()).isEqualTo(API);
  }

  @Test
  void aWorkloadAndItsChildrenRollUpFromRealAssessments() {
    HealthFixture healthy = HealthFixture.load("deployment-healthy");
    HealthAssessment deployment =
        HealthAssessor.assess(healthy.manifest(), healthy.status()).orElseThrow();
    HealthFixture crashing = HealthFixture.load("pod-crashloopbackoff");
    HealthAssessment pod =
        HealthAssessor.assess(crashing.manifest(), crashing.status()).orElseThrow();

    HealthAssessment rolledUp =
        HealthRollup.worst(Stream.of(deployment, pod).toList()).orElseThrow();

    assertThat(deployment.status()).isEqualTo(HEALTHY);
    assertThat(rolledUp.status()).isEqualTo(DEGRADED);
    assertThat(rolledUp.message()).contains("CrashLoopBackOff");
  }

  @Test
  void aNullAssessmentIsRefused() {
    List<HealthAssessment> withNull = new java.util.ArrayList<>();
    withNull.add(a(HEALTHY, ""));
    withNull.add(null);
    assertThatThrownBy(() -> HealthRollup.worst(withNull)).isInstanceOf(NullPointerException.class);
  }
}
