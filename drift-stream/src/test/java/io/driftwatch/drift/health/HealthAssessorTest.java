package io.driftwatch.drift.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthAssessorTest {

  private static final ResourceKey CHECKOUT =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "checkout");

  @Test
  void aKindWithoutARuleHasNoAssessment() {
    ObjectNode kustomization = manifest("kustomize.toolkit.fluxcd.io/v1", "Kustomization", "apps");
    ObjectNode status = kustomization.objectNode();
    status.putArray("conditions").addObject().put("type", "Ready").put("status", "False");

    assertThat(HealthAssessor.assess(kustomization, status)).isEmpty();
  }

  @Test
  void theApiGroupDecidesNotTheKindAlone() {
    assertThat(HealthAssessor.hasRule("", "Pod")).isTrue();
    assertThat(HealthAssessor.hasRule("example.com", "Pod")).isFalse();
    assertThat(HealthAssessor.assess(manifest("example.com/v1", "Pod", "p"), null)).isEmpty();
  }

  @Test
  void theApiVersionDoesNotMatter() {
    HealthFixture fixture = HealthFixture.load("deployment-rollout-updating");
    ObjectNode olderVersion = fixture.manifest();
    olderVersion.put("apiVersion", "apps/v1beta2");

    assertThat(HealthAssessor.assess(olderVersion, fixture.status()))
        .isEqualTo(HealthAssessor.assess(fixture.manifest(), fixture.status()));
  }

  @Test
  void aLiveStateAsIngestClusterPublishesItIsAssessedOnItsReplicaCounts() {
    // A record written before LiveState carried the generation: that check cannot fire, the rest
    // can.
    HealthFixture rollout = HealthFixture.load("deployment-rollout-updating");
    ObjectNode manifest = rollout.manifest();
    ((ObjectNode) manifest.get("metadata")).remove("generation");
    LiveState live =
        LiveState.of(
            CHECKOUT,
            "48151",
            Instant.parse("2026-03-01T10:00:00Z"),
            manifest,
            rollout.status(),
            null);

    assertThat(HealthAssessor.assess(live))
        .contains(
            HealthAssessment.of(
                HealthStatus.PROGRESSING, "rollout in progress: 1 of 3 replicas updated"));
  }

  @Test
  void aLiveStateIsAssessedWithTheGenerationIngestClusterCarriesBesideTheManifest() {
    HealthFixture notObserved = HealthFixture.load("deployment-generation-not-observed");
    ObjectNode manifest = notObserved.manifest();
    long generation = manifest.path("metadata").path("generation").asLong();
    ((ObjectNode) manifest.get("metadata")).remove("generation");
    LiveState stripped =
        LiveState.of(
            CHECKOUT,
            "48152",
            Instant.parse("2026-03-01T10:00:00Z"),
            manifest,
            notObserved.status(),
            null);

    HealthAssessment notYetObserved =
        HealthAssessment.of(
            HealthStatus.PROGRESSING,
            "the deployment controller has not observed generation 9 yet (last observed: 8)");

    assertThat(HealthAssessor.assess(stripped.withLifecycle(generation, null)))
        .contains(notYetObserved);
    assertThat(HealthAssessor.assess(stripped))
        .as("without the generation the check cannot fire")
        .isNotEqualTo(java.util.Optional.of(notYetObserved));
  }

  @Test
  void aLiveStateWithADeletionTimestampBesideTheManifestIsPendingDeletion() {
    HealthFixture healthy = HealthFixture.load("deployment-healthy");
    LiveState live =
        LiveState.of(
                CHECKOUT,
                "48153",
                Instant.parse("2026-03-01T10:00:00Z"),
                healthy.manifest(),
                healthy.status(),
                null)
            .withLifecycle(7L, Instant.parse("2026-03-01T09:59:00Z"));

    assertThat(HealthAssessor.assess(live))
        .contains(HealthAssessment.of(HealthStatus.PROGRESSING, "pending deletion"));
    assertThat(HealthAssessor.assess(live.withLifecycle(7L, null)))
        .contains(HealthAssessment.healthy());
  }

  @Test
  void aDeploymentWithoutStatusYetIsProgressing() {
    HealthFixture fixture = HealthFixture.load("deployment-healthy");

    assertThat(HealthAssessor.assess(fixture.manifest(), null).orElseThrow().status())
        .isEqualTo(HealthStatus.PROGRESSING);
  }

  @Test
  void aPodWithoutStatusYetIsUnknown() {
    ObjectNode pod = manifest("v1", "Pod", "just-created");

    assertThat(HealthAssessor.assess(pod, null))
        .contains(HealthAssessment.of(HealthStatus.UNKNOWN, "the pod reports no phase"));
  }

  @Test
  void anUnreadableFieldNamesTheFieldButNotItsValue() {
    HealthFixture fixture = HealthFixture.load("deployment-unreadable-status");

    HealthAssessment assessment =
        HealthAssessor.assess(fixture.manifest(), fixture.status()).orElseThrow();

    assertThat(assessment.status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(assessment.message()).contains("status.updatedReplicas").doesNotContain("three");
  }

  @Test
  void anArgoCdHookBeingDeletedKeepsItsOwnHealth() {
    HealthFixture hook = HealthFixture.load("pod-hook-pending-deletion");
    ObjectNode plain = hook.manifest();
    ((ObjectNode) plain.get("metadata")).remove("finalizers");

    assertThat(HealthAssessor.assess(hook.manifest(), hook.status()).orElseThrow().status())
        .isEqualTo(HealthStatus.HEALTHY);
    assertThat(HealthAssessor.assess(plain, hook.status()))
        .contains(HealthAssessment.of(HealthStatus.PROGRESSING, "pending deletion"));
  }

  private static ObjectNode manifest(String apiVersion, String kind, String name) {
    ObjectNode manifest = io.driftwatch.model.serde.Json.mapper().createObjectNode();
    manifest.put("apiVersion", apiVersion).put("kind", kind);
    manifest.putObject("metadata").put("name", name).put("namespace", "shop");
    return manifest;
  }
}
