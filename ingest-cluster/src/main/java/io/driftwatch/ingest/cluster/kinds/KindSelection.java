package io.driftwatch.ingest.cluster.kinds;

import io.driftwatch.ingest.cluster.WatchedKind;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Which kinds ingest-cluster watches in one cluster: the configured list, or ({@code kinds: auto})
 * what the cluster's desired state holds plus the reconciler kinds the cluster serves. The
 * cluster's watcher asks again at every attempt, so a selection may grow while running.
 */
public interface KindSelection {

  /**
   * The kinds to watch now, one per group and kind.
   *
   * @param client the cluster's client, for discovery
   * @throws RuntimeException when the API server cannot answer discovery; the watcher retries
   */
  List<WatchedKind> select(KubernetesClient client);

  /** The kinds of the last selection (the configured ones before the first). */
  List<WatchedKind> lastSelected();

  /** An explicit list of kinds, as configured. */
  static KindSelection of(List<WatchedKind> kinds) {
    List<WatchedKind> fixed = List.copyOf(kinds);
    return new KindSelection() {
      @Override
      public List<WatchedKind> select(KubernetesClient client) {
        return fixed;
      }

      @Override
      public List<WatchedKind> lastSelected() {
        return fixed;
      }
    };
  }
}
