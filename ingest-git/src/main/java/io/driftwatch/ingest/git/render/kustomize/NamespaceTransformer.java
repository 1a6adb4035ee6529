package io.driftwatch.ingest.git.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * kustomize's {@code namespace} field: every namespaced object moves to the namespace (whatever it
 * declared), a v1 Namespace object is renamed to it, (Cluster)RoleBinding subjects named {@code
 * default} follow, and the service namespaces of APIServices and CRD conversion webhooks follow.
 * Cluster-scoped objects keep no namespace.
 */
final class NamespaceTransformer {

  private NamespaceTransformer() {}

  static void apply(List<KustomizeResource> resources, String namespace) throws KustomizeException {
    if (namespace.isEmpty()) {
      return;
    }
    for (KustomizeResource resource : resources) {
      resource.storePreviousId();
      ResId id = resource.currentId();
      ObjectNode object = resource.object();
      if (!id.clusterScoped()) {
        resource.metadata().put("namespace", namespace);
      }
      if (id.kind().equals("Namespace") && object.path("apiVersion").asText("").equals("v1")) {
        resource.metadata().put("name", namespace);
      }
      if (id.kind().equals("RoleBinding") || id.kind().equals("ClusterRoleBinding")) {
        for (JsonNode subject : object.path("subjects")) {
          if (subject instanceof ObjectNode map
              && map.path("name").isTextual()
              && map.path("name").asText().equals("default")) {
            map.put("namespace", namespace);
          }
        }
      }
      for (FieldSpec spec : BuiltinFieldSpecs.NAMESPACE_REFERENCES) {
        if (spec.selects(id)) {
          spec.visit(
              object,
              (parent, field) -> {
                JsonNode value = parent.get(field);
                if (value != null && !value.isNull() || spec.create()) {
                  parent.put(field, namespace);
                }
              });
        }
      }
    }
  }
}
