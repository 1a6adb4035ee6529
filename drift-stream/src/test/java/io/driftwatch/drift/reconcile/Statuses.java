package io.driftwatch.drift.reconcile;

import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ReconcilerStatus.ReadyState;
import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import io.driftwatch.model.ResourceKey;
import java.time.Instant;

/** Reconciler statuses as ingest-cluster publishes them, for the tracker's tests. */
final class Statuses {

  static final ResourceKey KEY =
      new ResourceKey(
          "prod", "kustomize.toolkit.fluxcd.io", "Kustomization", "flux-system", "apps");

  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private Statuses() {}

  static Instant minute(long minutes) {
    return T0.plusSeconds(minutes * 60);
  }

  static ReconcilerStatus failing(String reason, String message, String attemptedRevision) {
    return status(ReadyState.FALSE, reason, message, false, "main@sha1:aaa", attemptedRevision);
  }

  static ReconcilerStatus ready(String appliedRevision) {
    return status(
        ReadyState.TRUE,
        "ReconciliationSucceeded",
        "Applied revision: " + appliedRevision,
        false,
        appliedRevision,
        appliedRevision);
  }

  static ReconcilerStatus progressing() {
    return status(
        ReadyState.UNKNOWN, "Progressing", "Reconciliation in progress", false, null, null);
  }

  static ReconcilerStatus suspended(ReadyState ready, String reason, String attemptedRevision) {
    return status(ready, reason, "frozen", true, "main@sha1:aaa", attemptedRevision);
  }

  static ReconcilerStatus status(
      ReadyState ready,
      String reason,
      String message,
      boolean suspended,
      String appliedRevision,
      String attemptedRevision) {
    return new ReconcilerStatus(
        ReconcilerStatus.SCHEMA_VERSION,
        KEY,
        ReconcilerTool.FLUX,
        ready,
        reason,
        message,
        suspended,
        appliedRevision,
        attemptedRevision,
        3L,
        3L,
        null,
        null,
        T0);
  }
}
