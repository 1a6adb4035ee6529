package io.driftwatch.diff.ignore;

import static io.driftwatch.diff.ignore.Yaml.object;
import static io.driftwatch.diff.ignore.Yaml.rules;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class FluxIgnoreTest {

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: podinfo
        namespace: apps
        labels: {app.kubernetes.io/name: podinfo, tier: frontend}
        annotations: {fluxcd.io/drift: ignore}
      spec:
        replicas: 2
        template:
          metadata:
            annotations: {kubectl.kubernetes.io/restartedAt: "2024-01-01T00:00:00Z"}
      """;

  private static final String STATEFUL_SET =
      """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: redis
        namespace: apps
        labels: {tier: backend}
      spec:
        replicas: 3
      """;

  @Test
  void pathsApplyToObjectsWhoseKindMatchesTheTargetRegex() {
    IgnoreRules rules =
        rules(
            """
            - paths: [/spec/replicas]
              target:
                kind: Deployment|DaemonSet
            """);
    ObjectNode deployment = object(DEPLOYMENT);
    ObjectNode statefulSet = object(STATEFUL_SET);

    rules.apply(deployment, null);
    rules.apply(statefulSet, null);

    assertThat(deployment.at("/spec").has("replicas")).isFalse();
    assertThat(statefulSet.at("/spec/replicas").intValue()).isEqualTo(3);
  }

  @Test
  void targetRegexMustMatchTheWholeValue() {
    IgnoreRules rules =
        rules(
            """
            - paths: [/spec/replicas]
              target: {kind: Deploy}
            """);
    ObjectNode deployment = object(DEPLOYMENT);

    rules.apply(deployment, null);

    assertThat(deployment.at("/spec/replicas").intValue()).isEqualTo(2);
  }

  @Test
  void groupVersionNameAndNamespaceRegexesAllMustMatch() {
    IgnoreRules rules =
        rules(
            """
            - paths: [/spec/replicas]
              target: {group: apps, version: v1, name: "pod.*", namespace: apps}
            - paths: [/metadata/labels]
              target: {group: apps, version: v1beta1}
            """);
    ObjectNode deployment = object(DEPLOYMENT);

    rules.apply(deployment, null);

    assertThat(deployment.at("/spec").has("replicas")).isFalse();
    assertThat(deployment.at("/metadata/labels/tier").asText()).isEqualTo("frontend");
  }

  @Test
  void labelSelectorChoosesTheObjects() {
    IgnoreRules rules =
        rules(
            """
            - paths: [/spec/replicas]
              target:
                labelSelector: tier in (frontend, edge), app.kubernetes.io/name
            """);
    ObjectNode deployment = object(DEPLOYMENT);
    ObjectNode statefulSet = object(STATEFUL_SET);

    rules.apply(deployment, null);
    rules.apply(statefulSet, null);

    assertThat(deployment.at("/spec").has("replicas")).isFalse();
    assertThat(statefulSet.at("/spec/replicas").intValue()).isEqualTo(3);
  }

  @Test
  void annotationSelectorChoosesTheObjects() {
    IgnoreRules rules =
        rules(
            """
            - paths: [/spec/template/metadata/annotations/kubectl.kubernetes.io~1restartedAt]
              target:
                annotationSelector: fluxcd.io/drift=ignore
            """);
    ObjectNode deployment = object(DEPLOYMENT);

    rules.apply(deployment, null);

    assertThat(deployment.at("/spec/template/metadata/annotations").isEmpty()).isTrue();
  }

  @Test
  void entryWithoutTargetAppliesToEveryObject() {
    IgnoreRules rules = rules("- paths: [/spec/replicas]");
    ObjectNode deployment = object(DEPLOYMENT);
    ObjectNode statefulSet = object(STATEFUL_SET);

    rules.apply(deployment, null);
    rules.apply(statefulSet, null);

    assertThat(deployment.at("/spec").has("replicas")).isFalse();
    assertThat(statefulSet.at("/spec").has("replicas")).isFalse();
  }

  @Test
  void targetingByDesiredRemovesTheSameFieldsFromLiveEvenWhenLiveLabelsDiffer() {
    IgnoreRules rules =
        rules(
            """
            - paths: [/spec/replicas]
              target: {labelSelector: tier=frontend}
            """);
    ObjectNode desired = object(DEPLOYMENT);
    ObjectNode live = object(DEPLOYMENT.replace("tier: frontend", "tier: moved"));
    JsonNode desiredBefore = desired.deepCopy();

    ObjectNode desiredCopy = desired.deepCopy();
    rules.apply(desiredCopy, desired, null);
    rules.apply(live, desired, null);

    assertThat(desiredCopy.at("/spec").has("replicas")).isFalse();
    assertThat(live.at("/spec").has("replicas")).isFalse();
    assertThat(desired).isEqualTo(desiredBefore);
  }
}
