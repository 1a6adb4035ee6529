package io.driftwatch.ingest.git.render.kustomize.parity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.KindScopes;

/**
 * Flux's {@code targetNamespace} as the parity tests apply it to rendered objects: every namespaced
 * object (custom resources included, as kustomize takes them) gets the namespace; cluster-scoped
 * kinds keep none. The cases with a target namespace hold no RoleBinding subjects, which Flux's
 * namespace transformer would also rewrite.
 */
final class TargetNamespace {

  private TargetNamespace() {}

  static ObjectNode apply(ObjectNode object, String namespace) {
    String apiVersion = object.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    if (!KindScopes.clusterScoped(group, object.path("kind").asText())) {
      object.withObjectProperty("metadata").put("namespace", namespace);
    }
    return object;
  }
}
