package io.driftwatch.ingest.git.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
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
    resources.sort(comparator(first, last));
  }

  private static List<String> texts(JsonNode list) {
    if (list == null || !list.isArray()) {
      return List.of();
    }
    return java.util.stream.StreamSupport.stream(list.spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  static Comparator<KustomizeResource> comparator(List<String> first, List<String> last) {
    Map<String, Integer> ranks = new HashMap<>();
    for (int i = 0; i < first.size(); i++) {
      ranks.put(first.get(i), i - first.size());
    }
    for (int i = 0; i < last.size(); i++) {
      ranks.put(last.get(i), i + 1);
    }
    return (left, right) -> {
      ResId a = left.currentId();
      ResId b = right.currentId();
      if (!a.sameGvk(b)) {
        int rankA = ranks.getOrDefault(a.kind(), 0);
        int rankB = ranks.getOrDefault(b.kind(), 0);
        if (rankA != rankB) {
          return Integer.compare(rankA, rankB);
        }
        int byGvk = gvkString(a).compareTo(gvkString(b));
        if (a.kind().equals("Namespace")
            && b.kind().equals("Namespace")
            && (a.group().isEmpty() || b.group().isEmpty())) {
          // kustomize puts the core Namespace before same-named kinds of other groups.
          return -byGvk;
        }
        return byGvk;
      }
      return idString(a).compareTo(idString(b));
    };
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
