package io.driftwatch.ingest.git.render.kustomize;

import java.util.List;

/**
 * One {@code replicas} entry: sets {@code spec.replicas} of the Deployments, ReplicaSets,
 * ReplicationControllers and StatefulSets that have (or had, before a prefix or suffix) the name. A
 * name that matches nothing is an error, as in kustomize.
 */
final class ReplicaTransformer {

  private ReplicaTransformer() {}

  static void apply(
      List<KustomizeResource> resources, String name, long count, Kustomization kustomization)
      throws KustomizeException {
    boolean found = false;
    for (FieldSpec spec : BuiltinFieldSpecs.REPLICAS) {
      for (KustomizeResource resource : resources) {
        boolean matches =
            resource.allIds().stream().anyMatch(id -> id.name().equals(name) && spec.selects(id));
        if (!matches) {
          continue;
        }
        found = true;
        spec.visit(
            resource.object(),
            (parent, field) -> {
              if (count == (int) count) {
                parent.put(field, (int) count);
              } else {
                parent.put(field, count);
              }
            });
      }
    }
    if (!found) {
      throw kustomization.error(
          "replicas",
          "entry '"
              + name
              + "' matches no Deployment, ReplicaSet, ReplicationController or StatefulSet");
    }
  }
}
