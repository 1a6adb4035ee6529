package io.driftwatch.drift;

import io.driftwatch.diff.DiffOptions;
import io.driftwatch.drift.gate.GateSettings;
import io.driftwatch.drift.query.QuerySettings;
import io.driftwatch.drift.reconcile.ReconcileFailureSettings;
import io.driftwatch.drift.remediation.RemediationSettings;
import io.driftwatch.model.secret.SecretRedactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * drift-stream's configuration.
 *
 * @param applicationId the Kafka Streams {@code application.id}: the consumer group, the prefix of
 *     the internal topics and the transactional id. Instances with the same id share the work;
 *     changing it starts from scratch.
 * @param stateDir where the local state stores live ({@link #DEFAULT_STATE_SUBDIR} under the data
 *     dir by default); kept across restarts so that restoring from the changelogs is incremental
 * @param commitInterval how often offsets and transactions are committed; with exactly-once this is
 *     also how long downstream readers wait at most for a result
 * @param comparison how desired and live are compared: GitOps field managers and ignore rules
 * @param gate when a difference may be published as drift: the pending grace period and how held
 *     verdicts are rechecked
 * @param reconcileFailures how reconcile-failure episodes are deduplicated
 * @param remediation the remediation policy and backoff; detect-only unless rules are configured
 * @param queries how the query API is served
 * @param environments cluster name → environment name, for deployment status of workloads without
 *     an {@code openchoreo.dev/environment} label; a cluster not listed is its own environment
 */
public record DriftStreamConfig(
    String applicationId,
    Path stateDir,
    Duration commitInterval,
    DiffOptions comparison,
    GateSettings gate,
    ReconcileFailureSettings reconcileFailures,
    RemediationSettings remediation,
    QuerySettings queries,
    Map<String, String> environments) {

  /** The default {@code application.id}. */
  public static final String DEFAULT_APPLICATION_ID = "driftwatch-drift-stream";

  /** The default state directory, relative to the launcher's data dir. */
  public static final String DEFAULT_STATE_SUBDIR = "drift-stream";

  /** The default commit interval: Kafka Streams' own default under exactly-once. */
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

  public DriftStreamConfig {
    if (applicationId == null || applicationId.isBlank()) {
      throw new IllegalArgumentException(
          "drift-stream applicationId must not be empty: set it, or leave it out for the default "
              + DEFAULT_APPLICATION_ID);
    }
    Objects.requireNonNull(stateDir, "drift-stream stateDir");
    Objects.requireNonNull(comparison, "drift-stream comparison");
    Objects.requireNonNull(gate, "drift-stream gate settings");
    Objects.requireNonNull(reconcileFailures, "drift-stream reconcileFailures settings");
    Objects.requireNonNull(remediation, "drift-stream remediation settings");
    Objects.requireNonNull(queries, "drift-stream queries settings");
    environments = environments == null ? Map.of() : Map.copyOf(environments);
    if (commitInterval == null || commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException(
          "drift-stream commitInterval must be positive, was "
              + commitInterval
              + ": leave it out for the default "
              + DEFAULT_COMMIT_INTERVAL.toMillis()
              + " ms");
    }
  }

  /** The configuration with the default gate and reconcile-failure settings. */
  public DriftStreamConfig(
      String applicationId, Path stateDir, Duration commitInterval, DiffOptions comparison) {
    this(
        applicationId,
        stateDir,
        commitInterval,
        comparison,
        GateSettings.DEFAULTS,
        ReconcileFailureSettings.DEFAULTS,
        RemediationSettings.detectOnly(),
        QuerySettings.DEFAULTS,
        Map.of());
  }

  /** This configuration with other gate settings. */
  public DriftStreamConfig withGate(GateSettings settings) {
    return new DriftStreamConfig(
        applicationId,
        stateDir,
        commitInterval,
        comparison,
        settings,
        reconcileFailures,
        remediation,
        queries,
        environments);
  }

  /** Every default, with the state kept under {@code dataDir/drift-stream}. */
  public static DriftStreamConfig defaults(Path dataDir) {
    return new DriftStreamConfig(
        DEFAULT_APPLICATION_ID,
        dataDir.resolve(DEFAULT_STATE_SUBDIR),
        DEFAULT_COMMIT_INTERVAL,
        defaultComparison());
  }

  /**
   * The engine's defaults. Its Secret redactor gets a throwaway key: ingest has already replaced
   * every Secret value by its digest, and redaction leaves digests as they are, so this one only
   * guards against unredacted input.
   */
  public static DiffOptions defaultComparison() {
    return DiffOptions.defaults(SecretRedactor.withRandomKey());
  }
}
