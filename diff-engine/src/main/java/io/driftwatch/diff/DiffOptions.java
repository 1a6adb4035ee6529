package io.driftwatch.diff;

import io.driftwatch.diff.ignore.IgnoreRules;
import io.driftwatch.model.secret.SecretRedactor;
import java.util.Set;

/**
 * What the engine is told beyond the two manifests; the defaults live here and nowhere else.
 *
 * @param gitopsManagers field managers that apply Git: a live field they own that Git no longer
 *     declares is drift
 * @param ignoreRules differences users chose to ignore (Argo CD and Flux dialects)
 * @param redactor replaces Secret values by their keyed HMAC on both sides before comparing
 *     (idempotent, so input that is already redacted stays as it is)
 * @param optOutAnnotation an annotation that, set to {@code "true"} on either side, takes the
 *     object out of comparison
 */
public record DiffOptions(
    Set<String> gitopsManagers,
    IgnoreRules ignoreRules,
    SecretRedactor redactor,
    String optOutAnnotation) {

  /** The field managers of Flux's kustomize and helm controllers and of Argo CD. */
  public static final Set<String> DEFAULT_GITOPS_MANAGERS =
      Set.of(
          "kustomize-controller",
          "helm-controller",
          "argocd-controller",
          "argocd-application-controller");

  /** Set to "true" on an object (in Git or in the cluster) to stop driftwatch comparing it. */
  public static final String DEFAULT_OPT_OUT_ANNOTATION = "driftwatch.io/ignore";

  public DiffOptions {
    gitopsManagers = Set.copyOf(gitopsManagers);
  }

  /** The defaults with the given redactor and no ignore rules. */
  public static DiffOptions defaults(SecretRedactor redactor) {
    return new DiffOptions(
        DEFAULT_GITOPS_MANAGERS, IgnoreRules.none(), redactor, DEFAULT_OPT_OUT_ANNOTATION);
  }

  /** A copy with other ignore rules. */
  public DiffOptions withIgnoreRules(IgnoreRules rules) {
    return new DiffOptions(gitopsManagers, rules, redactor, optOutAnnotation);
  }
}
