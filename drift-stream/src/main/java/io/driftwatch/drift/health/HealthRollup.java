package io.driftwatch.drift.health;

import io.driftwatch.model.ResourceKey;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Worst wins: the health of a group of objects (a workload and its children, or every workload of a
 * component in an environment) is the worst of their assessments, with that one's message, in Argo
 * CD's order Healthy &lt; Suspended &lt; Progressing &lt; Missing &lt; Degraded &lt; Unknown. An
 * empty group has no health: the caller decides what that means (Argo CD calls an application
 * without resources Healthy).
 */
public final class HealthRollup {

  private HealthRollup() {}

  /**
   * The worst assessment of {@code assessments}; among equally bad ones the first, so the result is
   * as deterministic as the iteration order.
   */
  public static Optional<HealthAssessment> worst(Iterable<HealthAssessment> assessments) {
    Objects.requireNonNull(assessments, "assessments");
    HealthAssessment worst = null;
    for (HealthAssessment assessment : assessments) {
      Objects.requireNonNull(assessment, "an assessment in the rollup is null");
      if (worst == null || assessment.status().isWorseThan(worst.status())) {
        worst = assessment;
      }
    }
    return Optional.ofNullable(worst);
  }

  /**
   * The resource with the worst assessment and that assessment, so that a rolled-up status can say
   * which object made it so; among equally bad ones the smallest resource key, whatever the map's
   * iteration order.
   */
  public static Optional<Map.Entry<ResourceKey, HealthAssessment>> worstResource(
      Map<ResourceKey, HealthAssessment> assessments) {
    Objects.requireNonNull(assessments, "assessments");
    Map.Entry<ResourceKey, HealthAssessment> worst = null;
    for (Map.Entry<ResourceKey, HealthAssessment> entry : new TreeMap<>(assessments).entrySet()) {
      HealthAssessment assessment =
          Objects.requireNonNull(entry.getValue(), "assessment of " + entry.getKey() + " is null");
      if (worst == null || assessment.status().isWorseThan(worst.getValue().status())) {
        worst = new SimpleImmutableEntry<>(entry.getKey(), assessment);
      }
    }
    return Optional.ofNullable(worst);
  }
}
