package io.driftwatch.ingest.git.render.kustomize;

import java.util.List;

/**
 * {@code namePrefix} and {@code nameSuffix}: every object's name gets them, cluster-scoped kinds
 * included (as kustomize does), except CustomResourceDefinitions, APIServices and Namespaces, whose
 * names are fixed by the API. References to renamed objects are rewritten at the end of the build.
 */
final class NameAffixTransformer {

  private NameAffixTransformer() {}

  static void prefix(List<KustomizeResource> resources, String prefix) {
    if (prefix.isEmpty()) {
      return;
    }
    for (KustomizeResource resource : resources) {
      if (fixedName(resource.originalId())) {
        continue;
      }
      resource.prefixes().add(prefix);
      resource.storePreviousId();
      resource.setName(prefix + resource.name());
    }
  }

  static void suffix(List<KustomizeResource> resources, String suffix) {
    if (suffix.isEmpty()) {
      return;
    }
    for (KustomizeResource resource : resources) {
      if (fixedName(resource.originalId())) {
        continue;
      }
      resource.suffixes().add(suffix);
      resource.storePreviousId();
      resource.setName(resource.name() + suffix);
    }
  }

  private static boolean fixedName(ResId id) {
    // kustomize skips by kind alone for Namespace and CRD, by group and kind for APIService.
    return id.kind().equals("Namespace")
        || id.kind().equals("CustomResourceDefinition")
        || (id.group().equals("apiregistration.k8s.io") && id.kind().equals("APIService"));
  }
}
