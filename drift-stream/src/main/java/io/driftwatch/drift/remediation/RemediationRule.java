package io.driftwatch.drift.remediation;

import java.util.List;

/**
 * One remediation rule as written in the configuration, before validation: every matcher left out
 * (null) matches everything. {@link RemediationPolicy#of(List)} validates the rules and says which
 * rule and field is wrong.
 *
 * @param name an optional name, carried on the requests the rule causes
 * @param cluster a glob ({@code *} = any run of characters) on the cluster name
 * @param namespace a glob on the namespace; cluster-scoped objects have the empty namespace, which
 *     only {@code *} (or leaving it out) matches
 * @param kind a glob on the kind, such as {@code Deployment} or {@code *Binding}
 * @param labels a label selector in Kubernetes' string form ({@code tier=web,env in (prod)})
 * @param driftTypes the drift types it applies to ({@code MODIFIED}, {@code MISSING_LIVE}, {@code
 *     EXTRA_LIVE}); empty or null = all
 * @param action {@code none}, {@code notify}, {@code reconcile} or {@code apply}
 */
public record RemediationRule(
    String name,
    String cluster,
    String namespace,
    String kind,
    String labels,
    List<String> driftTypes,
    String action) {

  public RemediationRule {
    driftTypes = driftTypes == null ? List.of() : List.copyOf(driftTypes);
  }
}
