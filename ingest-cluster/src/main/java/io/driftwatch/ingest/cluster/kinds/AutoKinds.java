package io.driftwatch.ingest.cluster.kinds;

import io.driftwatch.ingest.cluster.ClusterConfig;
import io.driftwatch.ingest.cluster.WatchedKind;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kinds of {@code kinds: auto}: the configured kinds, then the reconciler kinds the cluster
 * serves (a missing CRD is skipped with one INFO line, and probed again at the next selection),
 * then every kind the cluster's desired state holds, each in a version the server serves (its
 * preferred one when it serves the kind there). A desired kind the server does not serve at all is
 * still selected under the version Git writes, so that its watch fails, is reported FAILED and is
 * retried until its CRD is installed. With namespaces configured, the cluster-scoped kinds of the
 * desired state are left out (named in one INFO line): their objects are in none of the namespaces,
 * and a namespace-scoped identity could not list them.
 */
public final class AutoKinds implements KindSelection {

  private static final Logger LOG = LoggerFactory.getLogger(AutoKinds.class);

  private final ClusterConfig cluster;
  private final List<WatchedKind> reconcilerKinds;
  private final DesiredKindsSource desired;
  // Resolved through discovery; a kind's served versions do not change while it is watched.
  private final Map<GroupKind, WatchedKind> resolved = new ConcurrentHashMap<>();
  private volatile List<WatchedKind> last;
  private Set<GroupKind> lastMissing;
  private Set<GroupKind> lastOutOfScope;

  /**
   * @param reconcilerKinds the reconciler kinds to watch where served, each with the apiVersion,
   *     plural and scope driftwatch knows it by
   * @param desired the kinds of the desired state, per cluster
   */
  public AutoKinds(
      ClusterConfig cluster, List<WatchedKind> reconcilerKinds, DesiredKindsSource desired) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.reconcilerKinds = List.copyOf(reconcilerKinds);
    this.desired = Objects.requireNonNull(desired, "desired");
    this.last = cluster.kinds();
  }

  @Override
  public synchronized List<WatchedKind> select(KubernetesClient client) {
    ServedKinds served = new ServedKinds(client);
    Map<GroupKind, WatchedKind> selected = new LinkedHashMap<>();
    for (WatchedKind kind : cluster.kinds()) {
      selected.putIfAbsent(GroupKind.of(kind), kind);
    }
    Set<GroupKind> missing = new TreeSet<>(Comparator.comparing(GroupKind::toString));
    for (WatchedKind reconciler : reconcilerKinds) {
      GroupKind kind = GroupKind.of(reconciler);
      if (selected.containsKey(kind)) {
        continue;
      }
      WatchedKind found = resolve(served, kind, reconciler.apiVersion());
      if (found == null) {
        missing.add(kind);
      } else {
        selected.put(kind, found);
      }
    }
    Set<GroupKind> outOfScope = new TreeSet<>(Comparator.comparing(GroupKind::toString));
    for (Map.Entry<GroupKind, DesiredKind> entry : desired.kinds(cluster.name()).entrySet()) {
      GroupKind kind = entry.getKey();
      if (selected.containsKey(kind)) {
        continue;
      }
      String apiVersion = entry.getValue().apiVersion();
      // Not served in any version discovery knows (or the server has no group discovery): watch it
      // as Git writes it; the watch then resolves it or fails, is reported and is retried. Kept, so
      // that one group and kind is always one watch.
      WatchedKind watched =
          resolved.computeIfAbsent(
              kind, k -> served.find(k, apiVersion).orElse(WatchedKind.of(apiVersion, k.kind())));
      boolean namespaced =
          watched.namespaced() != null ? watched.namespaced() : entry.getValue().namespaced();
      // Namespaces scope the watch: a cluster-scoped object is in none of them.
      if (!namespaced && !cluster.namespaces().isEmpty()) {
        outOfScope.add(kind);
        continue;
      }
      selected.put(kind, watched);
    }
    List<WatchedKind> kinds = List.copyOf(selected.values());
    report(kinds, missing, outOfScope);
    last = kinds;
    return kinds;
  }

  private WatchedKind resolve(ServedKinds served, GroupKind kind, String knownApiVersion) {
    WatchedKind known = resolved.get(kind);
    if (known != null) {
      return known;
    }
    WatchedKind found = served.find(kind, knownApiVersion).orElse(null);
    if (found != null) {
      resolved.put(kind, found);
    }
    return found;
  }

  private void report(List<WatchedKind> kinds, Set<GroupKind> missing, Set<GroupKind> outOfScope) {
    if (!missing.equals(lastMissing) && !missing.isEmpty()) {
      LOG.info(
          "Cluster '{}': not watching the reconciler kinds it does not serve (CRD not installed): {}",
          cluster.name(),
          names(missing));
    }
    lastMissing = missing;
    if (!outOfScope.equals(lastOutOfScope) && !outOfScope.isEmpty()) {
      LOG.info(
          "Cluster '{}': not watching the cluster-scoped kinds of its desired state, which are"
              + " outside the configured namespaces {}: {}",
          cluster.name(),
          cluster.namespaces(),
          names(outOfScope));
    }
    lastOutOfScope = outOfScope;
    if (!kinds.equals(last)) {
      List<String> names = new ArrayList<>();
      kinds.forEach(kind -> names.add(kind.apiVersion() + "/" + kind.kind()));
      LOG.info(
          "Cluster '{}' (kinds: auto) watches {} kinds: {}", cluster.name(), kinds.size(), names);
    }
  }

  private static String names(Set<GroupKind> kinds) {
    return kinds.stream().map(GroupKind::toString).collect(Collectors.joining(", "));
  }

  @Override
  public List<WatchedKind> lastSelected() {
    return last;
  }
}
