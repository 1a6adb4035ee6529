package io.driftwatch.drift.deploy;

import io.driftwatch.drift.health.HealthAssessment;
import io.driftwatch.drift.health.HealthRollup;
import io.driftwatch.drift.health.HealthStatus;
import io.driftwatch.model.DeploymentEvent;
import io.driftwatch.model.DeploymentPhase;
import io.driftwatch.model.DeploymentStatus;
import io.driftwatch.model.ResourceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The rollup of a component's workloads in one environment, pure: worst wins for the phase (in
 * {@link DeploymentPhase}'s order) and for health ({@link HealthRollup}); the revision is the
 * newest commit among the workloads. The component's first DEPLOYED at a revision whose rollout was
 * observed yields a SUCCEEDED event with the lead time and, after a failure, the time to restore;
 * its first FAILED at a revision yields a FAILED event.
 */
public final class ComponentRollup {

  /**
   * The most workloads one component rolls up. A component's workloads are kept in one store value
   * and listed in its status record, which must stay well under Kafka's 1 MiB record limit; 500
   * workloads of one component and environment is far beyond a real component, and usually means
   * unrelated workloads share an {@code app.kubernetes.io/name}.
   */
  public static final int MAX_WORKLOADS = 500;

  private ComponentRollup() {}

  /**
   * The component's state before and after one workload change.
   *
   * @param next the new state, or null when the component has no workloads left
   * @param status the status to publish when {@code publish}: null is the component's tombstone
   * @param events the deployment events to publish, in order
   * @param refused why the change was not rolled up (the component is full), or null
   */
  public record Step(
      ComponentDeployment next,
      boolean publish,
      DeploymentStatus status,
      List<DeploymentEvent> events,
      String refused) {}

  /** Applies {@code change} to {@code previous} (null for a component not seen before). */
  public static Step apply(ComponentDeployment previous, WorkloadChange change, Instant now) {
    Map<String, DeploymentStatus> workloads =
        new TreeMap<>(previous == null ? Map.of() : previous.workloads());
    if (change.workload() == null) {
      workloads.remove(change.workloadKey());
    } else if (!workloads.containsKey(change.workloadKey()) && workloads.size() >= MAX_WORKLOADS) {
      return new Step(
          previous,
          false,
          null,
          List.of(),
          "Component "
              + change.identity().id()
              + " already rolls up "
              + MAX_WORKLOADS
              + " workloads, the most one component may have, so "
              + change.workloadKey()
              + " is not rolled up into it; give workloads that are not one component their own"
              + " app.kubernetes.io/name or openchoreo.dev/component label");
    } else {
      workloads.put(change.workloadKey(), change.workload());
    }
    DeploymentStatus before = previous == null ? null : previous.status();
    if (workloads.isEmpty()) {
      return new Step(null, before != null, null, List.of(), null);
    }
    ComponentIdentity identity = change.identity();

    DeploymentStatus worstPhase = worstPhase(workloads);
    DeploymentPhase phase = worstPhase.phase();
    DeploymentStatus newest =
        workloads.values().stream()
            .max(
                Comparator.comparing(
                        DeploymentStatus::commitTime,
                        Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(
                        DeploymentStatus::revision,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
            .orElseThrow();
    String revision = newest.revision();

    String succeededRevision = previous == null ? null : previous.succeededRevision();
    Instant succeededAt = previous == null ? null : previous.succeededAt();
    Long succeededLead = previous == null ? null : previous.succeededLeadTimeMillis();
    String failedRevision = previous == null ? null : previous.failedRevision();
    Instant failingSince = previous == null ? null : previous.failingSince();
    List<DeploymentEvent> events = new ArrayList<>(2);

    if (phase == DeploymentPhase.DEPLOYED) {
      if (!Objects.equals(revision, succeededRevision)) {
        boolean observed =
            workloads.values().stream()
                .anyMatch(
                    w -> Objects.equals(revision, w.revision()) && w.leadTimeMillis() != null);
        succeededRevision = revision;
        succeededAt = now;
        succeededLead = observed ? millisSince(newest.commitTime(), now) : null;
        if (observed) {
          events.add(
              DeploymentEvent.of(
                  identity.environment(),
                  identity.project(),
                  identity.component(),
                  revision,
                  newest.commitTime(),
                  newest.author(),
                  DeploymentEvent.Outcome.SUCCEEDED,
                  succeededLead,
                  failingSince == null ? null : millisSince(failingSince, now),
                  now));
        }
      }
      failingSince = null;
    } else if (phase == DeploymentPhase.FAILED || phase == DeploymentPhase.DEGRADED) {
      if (phase == DeploymentPhase.FAILED
          && !Objects.equals(worstPhase.revision(), failedRevision)) {
        failedRevision = worstPhase.revision();
        events.add(
            DeploymentEvent.of(
                identity.environment(),
                identity.project(),
                identity.component(),
                worstPhase.revision(),
                worstPhase.commitTime(),
                worstPhase.author(),
                DeploymentEvent.Outcome.FAILED,
                null,
                null,
                now));
      }
      if (failingSince == null) {
        failingSince = now;
      }
    }

    boolean deployedAtRevision = Objects.equals(revision, succeededRevision);
    Map.Entry<ResourceKey, HealthAssessment> worstHealth = worstHealth(workloads);
    Instant phaseSince = before != null && before.phase() == phase ? before.phaseSince() : now;
    DeploymentStatus status =
        new DeploymentStatus(
            DeploymentStatus.SCHEMA_VERSION,
            DeploymentStatus.Scope.COMPONENT,
            null,
            identity.environment(),
            identity.project(),
            identity.component(),
            soleCluster(workloads),
            phase,
            worstHealth.getValue().status().label(),
            revision,
            newest.commitTime(),
            newest.author(),
            phaseSince,
            deployedAtRevision ? succeededAt : null,
            deployedAtRevision ? succeededLead : null,
            before == null ? null : before.updatedAt(),
            phases(workloads),
            message(phase, worstPhase, worstHealth));
    boolean publish = !sameIgnoringUpdate(status, before);
    if (publish) {
      status = withUpdatedAt(status, now);
    }
    ComponentDeployment next =
        new ComponentDeployment(
            identity,
            workloads,
            status,
            succeededRevision,
            succeededAt,
            succeededLead,
            failedRevision,
            failingSince);
    return new Step(next, publish, status, List.copyOf(events), null);
  }

  /** The first workload (in key order) with the worst phase. */
  private static DeploymentStatus worstPhase(Map<String, DeploymentStatus> workloads) {
    DeploymentStatus worst = null;
    for (DeploymentStatus workload : workloads.values()) {
      if (worst == null || workload.phase().isWorseThan(worst.phase())) {
        worst = workload;
      }
    }
    return worst;
  }

  private static Map.Entry<ResourceKey, HealthAssessment> worstHealth(
      Map<String, DeploymentStatus> workloads) {
    Map<ResourceKey, HealthAssessment> assessments = new HashMap<>();
    for (DeploymentStatus workload : workloads.values()) {
      assessments.put(
          workload.resource(),
          HealthAssessment.of(HealthStatus.fromLabel(workload.health()), workload.message()));
    }
    return HealthRollup.worstResource(assessments).orElseThrow();
  }

  private static String message(
      DeploymentPhase phase,
      DeploymentStatus worstPhase,
      Map.Entry<ResourceKey, HealthAssessment> worstHealth) {
    if (phase != DeploymentPhase.DEPLOYED) {
      return describe(worstPhase.resource(), worstPhase.message());
    }
    if (worstHealth.getValue().status() == HealthStatus.HEALTHY) {
      return "";
    }
    return describe(worstHealth.getKey(), worstHealth.getValue().message());
  }

  private static String describe(ResourceKey resource, String message) {
    String name =
        resource.kind()
            + " "
            + (resource.clusterScoped() ? "" : resource.namespace() + "/")
            + resource.name();
    return message == null || message.isEmpty() ? name : name + ": " + message;
  }

  private static String soleCluster(Map<String, DeploymentStatus> workloads) {
    List<String> clusters =
        workloads.values().stream().map(DeploymentStatus::cluster).distinct().toList();
    return clusters.size() == 1 ? clusters.get(0) : null;
  }

  private static Map<String, DeploymentPhase> phases(Map<String, DeploymentStatus> workloads) {
    Map<String, DeploymentPhase> phases = new TreeMap<>();
    workloads.forEach((key, workload) -> phases.put(key, workload.phase()));
    return phases;
  }

  private static boolean sameIgnoringUpdate(DeploymentStatus status, DeploymentStatus before) {
    return before != null && withUpdatedAt(status, null).equals(withUpdatedAt(before, null));
  }

  private static DeploymentStatus withUpdatedAt(DeploymentStatus status, Instant at) {
    return new DeploymentStatus(
        status.schemaVersion(),
        status.scope(),
        status.resource(),
        status.environment(),
        status.project(),
        status.component(),
        status.cluster(),
        status.phase(),
        status.health(),
        status.revision(),
        status.commitTime(),
        status.author(),
        status.phaseSince(),
        status.healthyAt(),
        status.leadTimeMillis(),
        at,
        status.workloads(),
        status.message());
  }

  private static Long millisSince(Instant start, Instant end) {
    if (start == null) {
      return null;
    }
    return Math.max(0, Duration.between(start, end).toMillis());
  }
}
