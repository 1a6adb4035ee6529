package io.driftwatch.drift.deploy;

import io.driftwatch.diff.DiffResult;
import io.driftwatch.drift.ResourceSides;
import io.driftwatch.drift.health.HealthAssessment;
import io.driftwatch.drift.health.HealthAssessor;
import io.driftwatch.drift.health.HealthStatus;
import io.driftwatch.model.DeploymentPhase;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The phase machine of one workload, pure: from what the store remembers and both sides of the
 * resource now, the next state. A new desired commit starts at PENDING; once the diff engine finds
 * live at the desired spec, live's health decides: Progressing (or Suspended, Unknown) is
 * PROGRESSING, Healthy is DEPLOYED with its lead time, Degraded is FAILED. After DEPLOYED only
 * health matters: Degraded or Missing is DEGRADED, Healthy again is DEPLOYED.
 */
public final class WorkloadPhaseMachine {

  /** ingest-cluster's mark on a live object too large to publish whole: it cannot be compared. */
  private static final int PATHS_NAMED = 3;

  private final DeploymentSettings settings;

  public WorkloadPhaseMachine(DeploymentSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The state before and after one observation.
   *
   * @param previous what the store held, or null
   * @param next what it holds now, or null when the workload is no longer tracked
   */
  public record Step(WorkloadDeployment previous, WorkloadDeployment next) {

    /** True when the store must be written. */
    public boolean stateChanged() {
      return !Objects.equals(previous, next);
    }

    /** True when a status (or a tombstone) must be published. */
    public boolean statusChanged() {
      return next == null ? previous != null : !next.sameStatusAs(previous);
    }
  }

  /** True for the kinds that have a deployment status: those with a health rule. */
  public static boolean tracked(ResourceKey key) {
    return HealthAssessor.hasRule(key.group(), key.kind());
  }

  /**
   * The next state of workload {@code key}.
   *
   * @throws IllegalArgumentException when the workload's labels cannot be read
   */
  public Step advance(
      ResourceKey key, WorkloadDeployment previous, ResourceSides sides, Instant now) {
    DesiredState desired = sides == null ? null : sides.desired();
    LiveState live = sides == null ? null : sides.live();
    if (desired == null || desired.manifest() == null || !tracked(key)) {
      return new Step(previous, null);
    }
    boolean hasLive = live != null && live.manifest() != null;
    ComponentIdentity identity =
        ComponentIdentity.of(key, desired.manifest(), hasLive ? live.manifest() : null, settings);
    String environment =
        identity != null ? identity.environment() : settings.environmentOf(key.cluster());

    boolean newRevision =
        previous == null || !Objects.equals(previous.revision(), desired.commit());
    DeploymentPhase phase = newRevision ? DeploymentPhase.PENDING : previous.phase();
    Instant phaseSince = newRevision ? now : previous.phaseSince();
    Instant healthyAt = newRevision ? null : previous.healthyAt();
    Long leadTime = newRevision ? null : previous.leadTimeMillis();
    boolean liveSeenBefore = previous != null && previous.liveSeen();

    Observation observation = observe(hasLive ? live : null, sides.comparison());
    DeploymentPhase next = decide(phase, observation);
    if (next == DeploymentPhase.DEPLOYED && !deployed(phase)) {
      healthyAt = now;
      boolean baseline =
          !liveSeenBefore && live.observedAt() != null && live.observedAt().isBefore(phaseSince);
      leadTime = baseline ? null : leadTime(desired.commitTime(), now);
    }
    if (next != phase) {
      phaseSince = now;
    }
    WorkloadDeployment candidate =
        new WorkloadDeployment(
            key,
            identity,
            environment,
            desired.commit(),
            desired.commitTime(),
            desired.author(),
            next,
            phaseSince,
            observation.health().status(),
            healthyAt,
            leadTime,
            liveSeenBefore || hasLive,
            next == DeploymentPhase.PENDING && observation.pendingReason() != null
                ? observation.pendingReason()
                : observation.health().message(),
            previous == null ? null : previous.updatedAt());
    return new Step(
        previous, candidate.sameStatusAs(previous) ? candidate : candidate.withUpdatedAt(now));
  }

  /** Live's health and whether live is at the desired spec, with why not. */
  private record Observation(HealthAssessment health, boolean atRevision, String pendingReason) {}

  private Observation observe(LiveState live, DiffResult comparison) {
    if (live == null) {
      return new Observation(
          HealthAssessment.missing(), false, "waiting for the object to be created in the cluster");
    }
    HealthAssessment health =
        HealthAssessor.assess(live)
            .orElse(HealthAssessment.of(HealthStatus.UNKNOWN, "no health rule for this kind"));
    if (live.truncatedSize() != null) {
      return new Observation(
          health,
          false,
          "live is too large to compare ("
              + LiveState.TRUNCATED_ANNOTATION
              + "); its revision is unknown");
    }
    DiffResult diff = comparison;
    if (diff == null) {
      return new Observation(health, false, "desired and live cannot be compared");
    }
    if (diff.inSync()) {
      return new Observation(health, true, null);
    }
    String paths =
        diff.fields().stream()
            .limit(PATHS_NAMED)
            .map(FieldDiff::path)
            .collect(Collectors.joining(", "));
    int more = diff.fields().size() - PATHS_NAMED;
    return new Observation(
        health,
        false,
        "waiting for live to match the desired revision; it differs at "
            + (paths.isEmpty() ? diff.type().name() : paths)
            + (more > 0 ? " and " + more + " more" : ""));
  }

  private static DeploymentPhase decide(DeploymentPhase phase, Observation observation) {
    HealthStatus health = observation.health().status();
    if (deployed(phase)) {
      if (health == HealthStatus.DEGRADED || health == HealthStatus.MISSING) {
        return DeploymentPhase.DEGRADED;
      }
      return health == HealthStatus.HEALTHY ? DeploymentPhase.DEPLOYED : phase;
    }
    if (!observation.atRevision()) {
      return DeploymentPhase.PENDING;
    }
    return switch (health) {
      case HEALTHY -> DeploymentPhase.DEPLOYED;
      case DEGRADED -> DeploymentPhase.FAILED;
      default -> DeploymentPhase.PROGRESSING;
    };
  }

  /** DEPLOYED or DEGRADED: the revision became healthy once. */
  private static boolean deployed(DeploymentPhase phase) {
    return phase == DeploymentPhase.DEPLOYED || phase == DeploymentPhase.DEGRADED;
  }

  private static Long leadTime(Instant commitTime, Instant healthyAt) {
    if (commitTime == null) {
      return null;
    }
    // A committer clock ahead of ours must not make a negative lead time.
    return Math.max(0, Duration.between(commitTime, healthyAt).toMillis());
  }
}
