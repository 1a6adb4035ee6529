package io.driftwatch.drift.deploy;

import static io.driftwatch.drift.deploy.Workloads.available;
import static io.driftwatch.drift.deploy.Workloads.deployment;
import static io.driftwatch.drift.deploy.Workloads.desired;
import static io.driftwatch.drift.deploy.Workloads.live;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.DiffEngine;
import io.driftwatch.drift.DriftStreamConfig;
import io.driftwatch.drift.ResourceSides;
import io.driftwatch.drift.health.HealthStatus;
import io.driftwatch.model.DeploymentPhase;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of the phase machine that the topology scenarios do not reach. */
class WorkloadPhaseMachineTest {

  private static final DiffEngine ENGINE = new DiffEngine(DriftStreamConfig.defaultComparison());

  private static ResourceSides sides(DesiredState desired, LiveState live) {
    return ResourceSides.compare(desired, live, ENGINE);
  }

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final ResourceKey WEB = deployment("prod", "shop", "web");
  private static final Map<String, String> LABELS = Map.of("app.kubernetes.io/name", "web");
  private static final String COMMIT = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  private final WorkloadPhaseMachine machine =
      new WorkloadPhaseMachine(DeploymentSettings.defaults());

  @Test
  void aDeployedWorkloadWhoseLiveObjectDisappearsIsDegradedAndRecoversWhenBack() {
    WorkloadDeployment deployed = deployedAt(T0);

    WorkloadDeployment gone = step(deployed, sides(null), T0.plusSeconds(60));
    WorkloadDeployment back =
        step(gone, sides(live(WEB, LABELS, "web:1", 1, available(1), T0)), T0.plusSeconds(90));

    assertThat(gone.phase()).isEqualTo(DeploymentPhase.DEGRADED);
    assertThat(gone.health()).isEqualTo(HealthStatus.MISSING);
    assertThat(back.phase()).isEqualTo(DeploymentPhase.DEPLOYED);
    assertThat(back.healthyAt()).as("deployed once, at T0").isEqualTo(T0);
  }

  @Test
  void aPausedDeploymentAtTheDesiredSpecIsProgressingNotDeployed() {
    LiveState paused = live(WEB, LABELS, "web:1", 1, available(1), T0);
    ((ObjectNode) paused.manifest().get("spec")).put("paused", true);

    WorkloadDeployment next = step(null, sides(paused), T0);

    assertThat(next.phase()).isEqualTo(DeploymentPhase.PROGRESSING);
    assertThat(next.health()).isEqualTo(HealthStatus.SUSPENDED);
  }

  @Test
  void aTruncatedLiveObjectCannotBeAtTheRevisionSoItStaysPending() {
    LiveState stub = live(WEB, LABELS, "web:1", 1, available(1), T0);
    ((ObjectNode) stub.manifest().get("metadata"))
        .putObject("annotations")
        .put(LiveState.TRUNCATED_ANNOTATION, "2000000 bytes");

    WorkloadDeployment next = step(null, sides(stub), T0);

    assertThat(next.phase()).isEqualTo(DeploymentPhase.PENDING);
    assertThat(next.message()).contains("too large to compare");
  }

  @Test
  void kindsWithoutAHealthRuleHaveNoDeploymentStatus() {
    ResourceKey configMap = ResourceKey.of("prod", "v1", "ConfigMap", "shop", "settings");

    assertThat(WorkloadPhaseMachine.tracked(configMap)).isFalse();
    assertThat(WorkloadPhaseMachine.tracked(WEB)).isTrue();
    assertThat(machine.advance(configMap, null, sides(desiredWeb(), null), T0).stateChanged())
        .isFalse();
  }

  @Test
  void aCommitTimeAheadOfTheClockGivesALeadTimeOfZeroNotANegativeOne() {
    DesiredState future = desired(WEB, LABELS, "web:1", COMMIT, T0.plusSeconds(30));
    WorkloadDeployment pending = step(null, sides(future, null), T0);

    WorkloadDeployment deployed =
        step(
            pending,
            sides(future, live(WEB, LABELS, "web:1", 1, available(1), T0)),
            T0.plusSeconds(5));

    assertThat(deployed.leadTimeMillis()).isZero();
  }

  private WorkloadDeployment deployedAt(Instant at) {
    WorkloadDeployment pending = step(null, sides(null), at.minusSeconds(30));
    WorkloadDeployment deployed =
        step(pending, sides(live(WEB, LABELS, "web:1", 1, available(1), at)), at);
    assertThat(deployed.phase()).isEqualTo(DeploymentPhase.DEPLOYED);
    return deployed;
  }

  private WorkloadDeployment step(WorkloadDeployment previous, ResourceSides sides, Instant now) {
    return machine.advance(WEB, previous, sides, now).next();
  }

  private static ResourceSides sides(LiveState live) {
    return sides(desiredWeb(), live);
  }

  private static DesiredState desiredWeb() {
    return desired(WEB, LABELS, "web:1", COMMIT, T0.minusSeconds(60));
  }
}
