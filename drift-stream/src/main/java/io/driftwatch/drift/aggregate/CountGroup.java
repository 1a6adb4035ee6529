package io.driftwatch.drift.aggregate;

import io.driftwatch.model.DriftAggregate;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;

/**
 * The group a resource is counted in: cluster, namespace, API group, kind and drift type. It keys
 * the count repartition topic and store; {@link #rowKey()} is the key of its row on the aggregates
 * topic.
 */
record CountGroup(
    String cluster, String namespace, String group, String kind, DriftType driftType) {

  static CountGroup of(ResourceKey key, DriftType driftType) {
    return new CountGroup(key.cluster(), key.namespace(), key.group(), key.kind(), driftType);
  }

  String rowKey() {
    return DriftAggregate.resourcesKey(cluster, namespace, group, kind, driftType);
  }

  /** The row for a count, or null (a tombstone) when nothing is counted any more. */
  DriftAggregate row(Long count) {
    return count == null || count < 1
        ? null
        : DriftAggregate.resources(cluster, namespace, group, kind, driftType, count);
  }
}
