package io.driftwatch.drift.gate;

import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceStatus;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** {@link Authorities} read from the two global stores of the topology. */
public record StoreAuthorities(
    ReadOnlyKeyValueStore<String, SourceStatus> sources,
    ReadOnlyKeyValueStore<ResourceKey, ReconcilerStatus> reconcilers)
    implements Authorities {

  @Override
  public SourceStatus source(String sourceKey) {
    return sources.get(sourceKey);
  }

  @Override
  public ReconcilerStatus reconciler(ResourceKey reconciler) {
    return reconcilers.get(reconciler);
  }
}
