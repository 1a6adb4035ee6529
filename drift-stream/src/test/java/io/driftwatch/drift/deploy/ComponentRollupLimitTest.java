package io.driftwatch.drift.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.DeploymentPhase;
import io.driftwatch.model.DeploymentStatus;
import io.driftwatch.model.ResourceKey;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A component rolls up at most {@link ComponentRollup#MAX_WORKLOADS} workloads: beyond that a new
 * workload is refused with a reason (the processor dead-letters it) instead of growing the
 * component's store value and status record past Kafka's record limit and stopping the stream.
 */
class ComponentRollupLimitTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final ComponentIdentity SHOP_WEB = new ComponentIdentity("prod", "shop", "web");

  @Test
  void aFullComponentRefusesANewWorkloadButKeepsUpdatingAndRemovingItsOwn() {
    ComponentDeployment component = null;
    for (int i = 0; i < ComponentRollup.MAX_WORKLOADS; i++) {
      ComponentRollup.Step step =
          ComponentRollup.apply(component, change(i, DeploymentPhase.DEPLOYED), NOW);
      assertThat(step.refused()).isNull();
      component = step.next();
    }
    assertThat(component.workloads()).hasSize(ComponentRollup.MAX_WORKLOADS);

    ComponentRollup.Step refused =
        ComponentRollup.apply(
            component, change(ComponentRollup.MAX_WORKLOADS, DeploymentPhase.DEPLOYED), NOW);
    assertThat(refused.refused())
        .contains("prod/shop/web")
        .contains("500 workloads")
        .contains(key(ComponentRollup.MAX_WORKLOADS))
        .contains("app.kubernetes.io/name");
    assertThat(refused.next()).isSameAs(component);
    assertThat(refused.publish()).isFalse();

    ComponentRollup.Step updated =
        ComponentRollup.apply(component, change(7, DeploymentPhase.FAILED), NOW);
    assertThat(updated.refused()).isNull();
    assertThat(updated.status().phase()).isEqualTo(DeploymentPhase.FAILED);

    ComponentRollup.Step removed =
        ComponentRollup.apply(updated.next(), new WorkloadChange(SHOP_WEB, key(7), null), NOW);
    assertThat(removed.next().workloads()).hasSize(ComponentRollup.MAX_WORKLOADS - 1);
    assertThat(
            ComponentRollup.apply(
                    removed.next(),
                    change(ComponentRollup.MAX_WORKLOADS, DeploymentPhase.DEPLOYED),
                    NOW)
                .refused())
        .as("room again after a removal")
        .isNull();
  }

  private static WorkloadChange change(int i, DeploymentPhase phase) {
    ResourceKey resource = ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web-" + i);
    DeploymentStatus status =
        new DeploymentStatus(
            DeploymentStatus.SCHEMA_VERSION,
            DeploymentStatus.Scope.WORKLOAD,
            resource,
            "prod",
            "shop",
            "web",
            "prod",
            phase,
            phase == DeploymentPhase.FAILED ? "Degraded" : "Healthy",
            "0123456789abcdef0123456789abcdef01234567",
            NOW.minusSeconds(60),
            "dev <dev@example.com>",
            NOW,
            phase == DeploymentPhase.DEPLOYED ? NOW : null,
            null,
            NOW,
            Map.of(),
            null);
    return new WorkloadChange(SHOP_WEB, key(i), status);
  }

  private static String key(int i) {
    return DeploymentStatus.workloadKey(
        ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web-" + i));
  }
}
