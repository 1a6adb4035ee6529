package io.driftwatch.model;

import java.time.Instant;

/**
 * One completed deployment of a component in an environment: the value of {@code
 * gitops.deployment-events.v1}, keyed {@code <environment>/<project>/<component>}. These are the
 * records DORA's figures are counted from: deployment frequency (SUCCEEDED per environment and
 * time), change failure rate (FAILED over all), lead time for changes ({@code leadTimeMillis}) and
 * time to restore ({@code restoredAfterMillis}). A revision yields at most one event per outcome.
 *
 * @param revision the desired commit sha that was deployed or failed
 * @param commitTime the committer time of {@code revision}
 * @param author the author of {@code revision}, or null when not known
 * @param outcome whether the component became healthy at {@code revision} or its rollout failed
 * @param leadTimeMillis on SUCCEEDED, the time from {@code commitTime} to the component being
 *     healthy at {@code revision}; null on FAILED
 * @param restoredAfterMillis on SUCCEEDED after a failure, the time from the start of that failure
 *     (the component entering FAILED or DEGRADED after its last success) to this success; else null
 * @param at when the outcome was reached
 */
public record DeploymentEvent(
    int schemaVersion,
    String environment,
    String project,
    String component,
    String revision,
    Instant commitTime,
    String author,
    Outcome outcome,
    Long leadTimeMillis,
    Long restoredAfterMillis,
    Instant at) {

  public static final int SCHEMA_VERSION = 1;

  public static DeploymentEvent of(
      String environment,
      String project,
      String component,
      String revision,
      Instant commitTime,
      String author,
      Outcome outcome,
      Long leadTimeMillis,
      Long restoredAfterMillis,
      Instant at) {
    return new DeploymentEvent(
        SCHEMA_VERSION,
        environment,
        project,
        component,
        revision,
        commitTime,
        author,
        outcome,
        leadTimeMillis,
        restoredAfterMillis,
        at);
  }

  /** The record key: {@code <environment>/<project>/<component>}. */
  public String recordKey() {
    return DeploymentStatus.componentId(environment, project, component);
  }

  /** How a deployment ended. */
  public enum Outcome {
    /** Every workload of the component became healthy at the revision. */
    SUCCEEDED,
    /** A workload of the component became Degraded before it was ever healthy at the revision. */
    FAILED
  }
}
