package io.driftwatch.ingest.git.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order {@code kustomize build} prints objects in: by default its "legacy" order (Namespaces,
 * ResourceQuotas, StorageClasses, CRDs, ServiceAccounts, ... first, webhook configurations last,
 * everything else in between by group, version and kind), then by namespace and name; {@code
 * sortOptions} in the top kustomization can choose {@code fifo} (declaration order) or other first
 * and last kinds.
 */
final class LegacyOrder {

  static final List<String> ORDER_FIRST =
      List.of(
          "Namespace",
          "ResourceQuota",
          "StorageClass",
          "CustomResourceDefinition",
          "ServiceAccount",
          "PodSecurityPolicy",
          "Role",
          "ClusterRole",
          "RoleBinding",
          "ClusterRoleBinding",
          "ConfigMap",
          "Secret",
          "Endpoints",
          "Service",
          "LimitRange",
          "PriorityClass",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "Deployment",
          "StatefulSet",
          "CronJob",
          "PodDisruptionBudget");

  static final List<String> ORDER_LAST =
      List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

  private LegacyOrder() {}

  /** Sorts {@code resources} in place as the top kustomization's sortOptions say. */
  static void sort(List<KustomizeResource> resources, Kustomization top) throws KustomizeException {
    List<String> first = ORDER_FIRST;
    List<String> last = ORDER_LAST;
    if (top != null && top.has("sortOptions")) {
      JsonNode options = top.node().get("sortOptions");
      String order = options.path("order").asText("");
      JsonNode legacy = options.get("legacySortOptions");
      if (order.equals("fifo")) {
        if (legacy != null && !legacy.isNull()) {
          throw top.error(
              "sortOptions", "legacySortOptions is set but the order is fifo, not legacy");
        }
        return;
      }
      if (!order.equals("legacy")) {
        throw top.error("sortOptions", "order must be legacy or fifo");
      }
      if (legacy != null && !legacy.isNull()) {
        first = texts(legacy.get("orderFirst"));
        last = texts(legacy.get("orderLast"));
      }
    }
    // Ids do not change while sorting: each is computed once, not twice per comparison (a 10,000-
    // object build compares about 130,000 times).
    Map<String, Integer> ranks = ranks(first, last);
    List<Keyed> keyed = new ArrayList<>(resources.size());
    for (KustomizeResource resource : resources) {
      ResId id = resource.currentId();
      keyed.add(
          new Keyed(resource, id, ranks.getOrDefault(id.kind(), 0), gvkString(id), idString(id)));
    }
    keyed.sort(LegacyOrder::compare);
    for (int i = 0; i < keyed.size(); i++) {
      resources.set(i, keyed.get(i).resource());
    }
  }

  /** A resource with what the order compares, computed once. */
  private record Keyed(KustomizeResource resource, ResId id, int rank, String gvk, String name) {}

  private static List<String> texts(JsonNode list) {
    if (list == null || !list.isArray()) {
      return List.of();
    }
    return java.util.stream.StreamSupport.stream(list.spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  /** Kinds ordered first get negative ranks, kinds ordered last positive ones, others 0. */
  private static Map<String, Integer> ranks(List<String> first, List<String> last) {
    Map<String, Integer> ranks = new HashMap<>();
    for (int i = 0; i < first.size(); i++) {
      ranks.put(first.get(i), i - first.size());
    }
    for (int i = 0; i < last.size(); i++) {
      ranks.put(last.get(i), i + 1);
    }
    return ranks;
  }

  private static int compare(Keyed left, Keyed right) {
    ResId a = left.id();
    ResId b = right.id();
    if (!a.sameGvk(b)) {
      if (left.rank() != right.rank()) {
        return Integer.compare(left.rank(), right.rank());
      }
      int byGvk = left.gvk().compareTo(right.gvk());
      if (a.kind().equals("Namespace")
          && b.kind().equals("Namespace")
          && (a.group().isEmpty() || b.group().isEmpty())) {
        // kustomize puts the core Namespace before same-named kinds of other groups.
        return -byGvk;
      }
      return byGvk;
    }
    return left.name().compareTo(right.name());
  }

  private static String gvkString(ResId id) {
    return (id.group().isEmpty() ? "~G" : id.group())
        + "_"
        + (id.version().isEmpty() ? "~V" : id.version())
        + "_"
        + (id.kind().isEmpty() ? "~K" : id.kind());
  }

  private static String idString(ResId id) {
    return (id.namespace().isEmpty() ? "~X" : id.namespace())
        + "|"
        + (id.name().isEmpty() ? "~N" : id.name());
  }
}
