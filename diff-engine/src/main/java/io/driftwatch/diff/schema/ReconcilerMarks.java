package io.driftwatch.diff.schema;

import java.util.List;
import java.util.Set;

/**
 * Labels and annotations that a reconciler writes on every object it applies (Flux's {@code
 * kustomize.toolkit.fluxcd.io/name}, Argo CD's tracking label and annotation, Helm's release
 * annotations). Git does not declare them, so they are never lingering fields.
 */
public final class ReconcilerMarks {

  private static final List<String> PREFIXES =
      List.of(
          "kustomize.toolkit.fluxcd.io/",
          "helm.toolkit.fluxcd.io/",
          "argocd.argoproj.io/",
          "meta.helm.sh/");

  private static final Set<String> KEYS = Set.of("app.kubernetes.io/instance");

  private ReconcilerMarks() {}

  /** True for a label or annotation key a reconciler sets on the objects it applies. */
  public static boolean isMark(String key) {
    if (KEYS.contains(key)) {
      return true;
    }
    for (String prefix : PREFIXES) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
