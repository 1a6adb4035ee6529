package io.driftwatch.drift.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.RemediationRequest.Action;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemediationPolicyTest {

  private static final ResourceKey PROD_API =
      ResourceKey.of("prod-eu", "apps/v1", "Deployment", "shop", "api");
  private static final ResourceKey STAGING_API =
      ResourceKey.of("staging", "apps/v1", "Deployment", "shop", "api");
  private static final ResourceKey PROD_ROLE =
      ResourceKey.of("prod-eu", "rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "", "ops");

  private static JsonNode labels(Map<String, String> labels) {
    return Json.mapper().valueToTree(labels);
  }

  private static RemediationRule rule(
      String cluster, String namespace, String kind, String labels, String action) {
    return new RemediationRule(null, cluster, namespace, kind, labels, null, action);
  }

  private static Optional<Action> actionFor(
      RemediationPolicy policy, ResourceKey key, DriftType type, JsonNode labels) {
    return policy.match(key, type, labels).map(RemediationPolicy.Match::action);
  }

  @Test
  void withoutRulesEveryDriftIsOnlyDetected() {
    assertThat(RemediationPolicy.detectOnly().match(PROD_API, DriftType.MODIFIED, null)).isEmpty();
    assertThat(RemediationPolicy.of(List.of()).match(PROD_API, DriftType.MODIFIED, null)).isEmpty();
  }

  @Test
  void aResourceNoRuleMatchesIsOnlyDetected() {
    RemediationPolicy policy =
        RemediationPolicy.of(List.of(rule("dev-*", null, null, null, "apply")));
    assertThat(policy.match(PROD_API, DriftType.MODIFIED, null)).isEmpty();
  }

  @Test
  void clusterNamespaceAndKindMatchByGlob() {
    RemediationPolicy policy =
        RemediationPolicy.of(List.of(rule("prod-*", "sh*p", "*ment", null, "reconcile")));
    assertThat(actionFor(policy, PROD_API, DriftType.MODIFIED, null)).contains(Action.RECONCILE);
    assertThat(actionFor(policy, STAGING_API, DriftType.MODIFIED, null)).isEmpty();
    assertThat(
            actionFor(
                policy,
                ResourceKey.of("prod-eu", "v1", "ConfigMap", "shop", "api"),
                DriftType.MODIFIED,
                null))
        .isEmpty();
  }

  @Test
  void aGlobWithoutAStarMatchesOnlyTheExactName() {
    RemediationPolicy policy =
        RemediationPolicy.of(List.of(rule("prod", null, null, null, "apply")));
    assertThat(actionFor(policy, PROD_API, DriftType.MODIFIED, null)).isEmpty();
  }

  @Test
  void aNamespacePatternDoesNotMatchClusterScopedObjectsButAStarDoes() {
    RemediationPolicy named = RemediationPolicy.of(List.of(rule(null, "s*", null, null, "apply")));
    RemediationPolicy any = RemediationPolicy.of(List.of(rule(null, "*", null, null, "apply")));
    assertThat(actionFor(named, PROD_ROLE, DriftType.MODIFIED, null)).isEmpty();
    assertThat(actionFor(any, PROD_ROLE, DriftType.MODIFIED, null)).contains(Action.APPLY);
  }

  @Test
  void labelsMatchByTheKubernetesSelector() {
    RemediationPolicy policy =
        RemediationPolicy.of(
            List.of(rule(null, null, null, "tier=web,env in (prod,canary),!frozen", "apply")));
    assertThat(
            actionFor(
                policy, PROD_API, DriftType.MODIFIED, labels(Map.of("tier", "web", "env", "prod"))))
        .contains(Action.APPLY);
    assertThat(
            actionFor(
                policy,
                PROD_API,
                DriftType.MODIFIED,
                labels(Map.of("tier", "web", "env", "prod", "frozen", "true"))))
        .isEmpty();
    assertThat(actionFor(policy, PROD_API, DriftType.MODIFIED, labels(Map.of("tier", "db"))))
        .isEmpty();
  }

  @Test
  void aResourceWithoutLabelsMatchesOnlySelectorsThatNeedNoLabel() {
    RemediationPolicy needsLabel =
        RemediationPolicy.of(List.of(rule(null, null, null, "tier=web", "apply")));
    RemediationPolicy needsAbsence =
        RemediationPolicy.of(List.of(rule(null, null, null, "!frozen", "apply")));
    assertThat(actionFor(needsLabel, PROD_API, DriftType.MODIFIED, null)).isEmpty();
    assertThat(actionFor(needsAbsence, PROD_API, DriftType.MODIFIED, null)).contains(Action.APPLY);
  }

  @Test
  void driftTypesRestrictARule() {
    RemediationPolicy policy =
        RemediationPolicy.of(
            List.of(
                new RemediationRule(
                    null, null, null, null, null, List.of("missing_live", "EXTRA_LIVE"), "apply")));
    assertThat(actionFor(policy, PROD_API, DriftType.MISSING_LIVE, null)).contains(Action.APPLY);
    assertThat(actionFor(policy, PROD_API, DriftType.EXTRA_LIVE, null)).contains(Action.APPLY);
    assertThat(actionFor(policy, PROD_API, DriftType.MODIFIED, null)).isEmpty();
  }

  @Test
  void theFirstMatchingRuleWinsSoANoneRuleCanExemptResources() {
    RemediationPolicy policy =
        RemediationPolicy.of(
            List.of(
                new RemediationRule("hands-off", null, "kube-*", null, null, null, "none"),
                rule("prod-*", null, null, null, "notify"),
                rule("*", null, null, null, "apply")));
    assertThat(
            policy.match(
                ResourceKey.of("prod-eu", "v1", "ConfigMap", "kube-system", "x"),
                DriftType.MODIFIED,
                null))
        .contains(new RemediationPolicy.Match(0, "hands-off", Action.NONE));
    assertThat(policy.match(PROD_API, DriftType.MODIFIED, null))
        .contains(new RemediationPolicy.Match(1, "rules[1]", Action.NOTIFY));
    assertThat(policy.match(STAGING_API, DriftType.MODIFIED, null))
        .contains(new RemediationPolicy.Match(2, "rules[2]", Action.APPLY));
  }

  @Test
  void anUnknownActionIsRejectedNamingTheRuleIndexAndField() {
    assertThatThrownBy(
            () ->
                RemediationPolicy.of(
                    List.of(
                        rule(null, null, null, null, "apply"), rule("x", null, null, null, "fix"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remediation.rules[1].action")
        .hasMessageContaining("\"fix\"")
        .hasMessageContaining("none, notify, reconcile, apply");
  }

  @Test
  void aMissingActionIsRejected() {
    assertThatThrownBy(() -> RemediationPolicy.of(List.of(rule("x", null, null, null, null))))
        .hasMessageContaining("remediation.rules[0].action is missing");
  }

  @Test
  void anUnknownOrNoneDriftTypeIsRejectedNamingTheRule() {
    assertThatThrownBy(
            () ->
                RemediationPolicy.of(
                    List.of(
                        new RemediationRule(
                            null, null, null, null, null, List.of("DRIFTED"), "apply"))))
        .hasMessageContaining("remediation.rules[0].driftTypes")
        .hasMessageContaining("MODIFIED, MISSING_LIVE, EXTRA_LIVE");
    assertThatThrownBy(
            () ->
                RemediationPolicy.of(
                    List.of(
                        new RemediationRule(
                            null, null, null, null, null, List.of("NONE"), "apply"))))
        .hasMessageContaining("remediation.rules[0].driftTypes");
  }

  @Test
  void aBadLabelSelectorIsRejectedNamingTheRule() {
    assertThatThrownBy(
            () ->
                RemediationPolicy.of(
                    List.of(
                        rule(null, null, null, null, "apply"),
                        rule(null, null, null, null, "apply"),
                        rule(null, null, null, "env in ()", "apply"))))
        .hasMessageContaining("remediation.rules[2].labels");
  }

  @Test
  void anEmptyGlobIsRejectedWithTheFix() {
    assertThatThrownBy(() -> RemediationPolicy.of(List.of(rule(null, null, " ", null, "apply"))))
        .hasMessageContaining("remediation.rules[0].kind is empty")
        .hasMessageContaining("leave it out");
  }

  @Test
  void problemsListsEveryBadRuleAtOnceAndNothingForGoodRules() {
    List<RemediationRule> rules =
        List.of(
            rule("prod-*", null, null, null, "reconcile"),
            rule(null, null, null, null, "fix"),
            rule(null, null, null, "tier in (web", "notify"),
            rule("", null, null, null, "apply"));

    assertThat(RemediationPolicy.problems(rules))
        .hasSize(3)
        .satisfiesExactly(
            p -> assertThat(p).startsWith("remediation.rules[1].action"),
            p -> assertThat(p).startsWith("remediation.rules[2].labels"),
            p -> assertThat(p).startsWith("remediation.rules[3].cluster"));
    assertThat(RemediationPolicy.problems(rules.subList(0, 1))).isEmpty();
    assertThat(RemediationPolicy.problems(null)).isEmpty();
  }
}
