package io.driftwatch.ingest.cluster.kinds;

import io.driftwatch.ingest.cluster.WatchedKind;
import java.util.Objects;

/**
 * A kind without its version, as resource keys name it: {@code apps/Deployment} is one kind whether
 * Git writes {@code apps/v1} or the cluster serves {@code apps/v1beta2}.
 *
 * @param group the API group, empty for the core group
 * @param kind such as {@code Deployment}
 */
public record GroupKind(String group, String kind) {

  public GroupKind {
    group = group == null ? "" : group;
    Objects.requireNonNull(kind, "kind");
  }

  /** The group and kind of a configured kind. */
  public static GroupKind of(WatchedKind kind) {
    return new GroupKind(kind.group(), kind.kind());
  }

  @Override
  public String toString() {
    return group.isEmpty() ? kind : kind + "." + group;
  }
}
