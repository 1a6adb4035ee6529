package io.driftwatch.ingest.cluster.reconcile;

import static io.driftwatch.ingest.cluster.reconcile.ObservedReconciler.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.cluster.normalize.MalformedObjectException;
import io.driftwatch.model.ResourceKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Flux's inventory of applied objects ({@code status.inventory.entries[].id}, written by
 * kustomize-controller and recent helm-controllers) as resource keys. An id is {@code
 * <namespace>_<name>_<group>_<kind>}: namespace and group may be empty, and a colon in a name (RBAC
 * names such as {@code system:auth-delegator}) is written {@code __}.
 */
final class FluxInventory {

  private static final String SEPARATOR = "_";
  private static final String COLON = "__";

  private FluxInventory() {}

  /**
   * The entries of {@code status.inventory}, keyed in the reconciler's cluster; empty when the
   * reconciler applies to another cluster through {@code spec.kubeConfig}, whose objects driftwatch
   * cannot name from here.
   *
   * @throws MalformedObjectException when the entries are not a list or an id does not parse
   */
  static List<ResourceKey> of(ObservedReconciler reconciler) throws MalformedObjectException {
    if (reconciler.spec().hasNonNull("kubeConfig")) {
      return List.of();
    }
    List<JsonNode> entries =
        reconciler.array(
            reconciler.status().path("inventory").get("entries"), "status.inventory.entries");
    List<ResourceKey> keys = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      String id = text(entries.get(i).get("id"));
      ResourceKey key = id == null ? null : parse(reconciler.cluster(), id);
      if (key == null) {
        throw reconciler.malformed(
            "status.inventory.entries["
                + i
                + "].id is not <namespace>_<name>_<group>_<kind>"
                + (id == null ? " (it is missing)" : " ('" + id + "')"));
      }
      keys.add(key);
    }
    return keys;
  }

  /** One inventory id as a resource key in {@code cluster}, or null when it does not parse. */
  static ResourceKey parse(String cluster, String id) {
    int first = id.indexOf(SEPARATOR);
    int last = id.lastIndexOf(SEPARATOR);
    if (first < 0 || last <= first) {
      return null;
    }
    String namespace = id.substring(0, first);
    String kind = id.substring(last + 1);
    String rest = id.substring(first + 1, last);
    int groupAt = rest.lastIndexOf(SEPARATOR);
    if (groupAt < 0) {
      return null;
    }
    String group = rest.substring(groupAt + 1);
    String name = rest.substring(0, groupAt).replace(COLON, ":");
    if (name.isEmpty() || kind.isEmpty() || name.contains(SEPARATOR)) {
      return null;
    }
    return new ResourceKey(cluster, group, kind, namespace, name);
  }
}
