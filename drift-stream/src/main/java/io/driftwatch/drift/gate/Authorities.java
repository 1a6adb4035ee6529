package io.driftwatch.drift.gate;

import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceStatus;

/**
 * The latest word of the sources and reconcilers the gate consults: in the topology, the global
 * stores fed by {@code gitops.source-status.v1} and {@code gitops.reconciler-status.v1}.
 */
public interface Authorities {

  /** The latest status under a source-status key, or null when none was published. */
  SourceStatus source(String sourceKey);

  /** The latest status of a reconciler object, or null when none was published. */
  ReconcilerStatus reconciler(ResourceKey reconciler);
}
