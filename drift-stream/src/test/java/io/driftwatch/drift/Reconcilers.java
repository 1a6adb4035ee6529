package io.driftwatch.drift;

import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ReconcilerStatus.ReadyState;
import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import io.driftwatch.model.ResourceKey;
import java.time.Instant;

/** Reconciler statuses as ingest-cluster publishes them, for tests of the gate. */
public final class Reconcilers {

  private Reconcilers() {}

  /** A Flux reconciler that is Ready and last applied {@code revision}. */
  public static ReconcilerStatus applied(ResourceKey reconciler, String revision, Instant at) {
    return new ReconcilerStatus(
        ReconcilerStatus.SCHEMA_VERSION,
        reconciler,
        ReconcilerTool.FLUX,
        ReadyState.TRUE,
        "ReconciliationSucceeded",
        "Applied revision: " + revision,
        false,
        revision,
        revision,
        1L,
        1L,
        null,
        null,
        at);
  }
}
