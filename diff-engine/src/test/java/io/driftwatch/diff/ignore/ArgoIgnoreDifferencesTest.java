package io.driftwatch.diff.ignore;

import static io.driftwatch.diff.ignore.Yaml.object;
import static io.driftwatch.diff.ignore.Yaml.rules;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ArgoIgnoreDifferencesTest {

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: guestbook
        namespace: shop
        labels: {app: guestbook}
        annotations:
          example.com/owner: team-a
          kept: "yes"
      spec:
        replicas: 3
        template:
          spec:
            containers:
            - name: guestbook
              image: guestbook:v1
            - name: istio-proxy
              image: istio/proxyv2:1.20
            - name: logger
              image: fluentbit:2
      """;

  @Test
  void replicasOfDeploymentsAreIgnored() {
    IgnoreRules rules =
        rules(
            """
            - group: apps
              kind: Deployment
              jsonPointers:
              - /spec/replicas
            """);
    ObjectNode deployment = object(DEPLOYMENT);

    rules.apply(deployment, null);

    assertThat(deployment.at("/spec").has("replicas")).isFalse();
    assertThat(deployment.at("/spec/template/spec/containers")).hasSize(3);
  }

  @Test
  void kindWithoutGroupTargetsTheCoreGroupOnlyAsInArgoCd() {
    IgnoreRules rules =
        rules(
            """
            - kind: Deployment
              jsonPointers: [/spec/replicas]
            """);
    ObjectNode deployment = object(DEPLOYMENT);

    rules.apply(deployment, null);

    assertThat(deployment).isEqualTo(object(DEPLOYMENT));
  }

  @Test
  void istioSidecarIsIgnoredByJqPathExpression() {
    IgnoreRules rules =
        rules(
            """
            - group: apps
              kind: Deployment
              jqPathExpressions:
              - .spec.template.spec.containers[] | select(.name == "istio-proxy")
            """);
    ObjectNode deployment = object(DEPLOYMENT);

    rules.apply(deployment, null);

    assertThat(deployment.at("/spec/template/spec/containers").findValuesAsText("name"))
        .containsExactly("guestbook", "logger");
    assertThat(deployment.at("/spec/replicas").intValue()).isEqualTo(3);
  }

  @Test
  void caBundleOfEveryWebhookIsIgnoredByJqPathExpression() {
    IgnoreRules rules =
        rules(
            """
            - group: admissionregistration.k8s.io
              kind: MutatingWebhookConfiguration
              jqPathExpressions:
              - .webhooks[]?.clientConfig.caBundle
            """);
    ObjectNode webhooks =
        object(
            """
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata: {name: istio-sidecar-injector}
            webhooks:
            - name: a.sidecar-injector.istio.io
              clientConfig:
                caBundle: LS0tLS1CRUdJTi1DRVJU
                service: {name: istiod, namespace: istio-system}
            - name: b.sidecar-injector.istio.io
              clientConfig:
                url: https://example.com/inject
            """);

    rules.apply(webhooks, null);

    assertThat(webhooks.at("/webhooks/0/clientConfig").has("caBundle")).isFalse();
    assertThat(webhooks.at("/webhooks/0/clientConfig/service/name").asText()).isEqualTo("istiod");
    assertThat(webhooks.at("/webhooks/1/clientConfig/url").asText())
        .isEqualTo("https://example.com/inject");
  }

  @Test
  void optionalIteratorSelectsNothingWhenTheListIsAbsent() {
    IgnoreRules rules =
        rules(
            """
            - group: admissionregistration.k8s.io
              kind: MutatingWebhookConfiguration
              jqPathExpressions: [".webhooks[]?.clientConfig.caBundle"]
            """);
    String yaml =
        """
        apiVersion: admissionregistration.k8s.io/v1
        kind: MutatingWebhookConfiguration
        metadata: {name: empty}
        """;
    ObjectNode empty = object(yaml);

    rules.apply(empty, null);

    assertThat(empty).isEqualTo(object(yaml));
  }

  @Test
  void jqExpressionThatFailsOnAnObjectIgnoresNothingInIt() {
    IgnoreRules rules =
        rules(
            """
            - group: apps
              kind: Deployment
              jqPathExpressions:
              - .spec.template.spec.initContainers[] | select(.name == "init")
              jsonPointers: [/spec/replicas]
            """);
    ObjectNode deployment = object(DEPLOYMENT);

    rules.apply(deployment, null);

    assertThat(deployment.at("/spec").has("replicas")).isFalse();
    assertThat(deployment.at("/spec/template/spec/containers")).hasSize(3);
  }

  @Test
  void nameGlobsSelectMatchingObjectsOnly() {
    IgnoreRules rules =
        rules(
            """
            - group: apps
              kind: Deployment
              name: guest*
              jsonPointers: [/spec/replicas]
            """);
    ObjectNode guestbook = object(DEPLOYMENT);
    ObjectNode other = object(DEPLOYMENT.replace("name: guestbook\n", "name: checkout\n"));

    rules.apply(guestbook, null);
    rules.apply(other, null);

    assertThat(guestbook.at("/spec").has("replicas")).isFalse();
    assertThat(other.at("/spec/replicas").intValue()).isEqualTo(3);
  }

  @Test
  void starGlobsInKindGroupAndNamespaceMatchAnything() {
    IgnoreRules rules =
        rules(
            """
            - group: "*"
              kind: "*"
              namespace: "sh*p"
              jsonPointers: [/metadata/labels]
            """);
    ObjectNode inShop = object(DEPLOYMENT);
    ObjectNode elsewhere = object(DEPLOYMENT.replace("namespace: shop", "namespace: billing"));

    rules.apply(inShop, null);
    rules.apply(elsewhere, null);

    assertThat(inShop.at("/metadata").has("labels")).isFalse();
    assertThat(elsewhere.at("/metadata/labels/app").asText()).isEqualTo("guestbook");
  }

  @Test
  void jsonPointerTokensAreUnescapedPerRfc6901() {
    IgnoreRules rules =
        rules(
            """
            - group: apps
              kind: Deployment
              jsonPointers: [/metadata/annotations/example.com~1owner]
            """);
    ObjectNode deployment = object(DEPLOYMENT);

    rules.apply(deployment, null);

    assertThat(deployment.at("/metadata/annotations").has("example.com/owner")).isFalse();
    assertThat(deployment.at("/metadata/annotations/kept").asText()).isEqualTo("yes");
  }

  @Test
  void pointersIntoOneListRemoveTheItemsTheyNamedInTheOriginal() {
    IgnoreRules rules =
        rules(
            """
            - group: apps
              kind: Deployment
              jsonPointers:
              - /spec/template/spec/containers/0
              - /spec/template/spec/containers/2
            """);
    ObjectNode deployment = object(DEPLOYMENT);

    rules.apply(deployment, null);

    assertThat(deployment.at("/spec/template/spec/containers").findValuesAsText("name"))
        .containsExactly("istio-proxy");
  }

  @Test
  void missingPathsAndIndicesPastTheEndAreSkipped() {
    IgnoreRules rules =
        rules(
            """
            - group: apps
              kind: Deployment
              jsonPointers:
              - /spec/strategy/rollingUpdate
              - /spec/template/spec/containers/7
              - /spec/template/spec/containers/-
              - /spec/replicas/deeper
            """);
    ObjectNode deployment = object(DEPLOYMENT);

    rules.apply(deployment, null);

    assertThat(deployment).isEqualTo(object(DEPLOYMENT));
  }

  @Test
  void nonTargetedObjectIsUntouched() {
    IgnoreRules rules =
        rules(
            """
            - group: apps
              kind: StatefulSet
              jsonPointers: [/spec/replicas]
              jqPathExpressions: [".spec.template.spec.containers[]"]
            """);
    ObjectNode deployment = object(DEPLOYMENT);

    rules.apply(deployment, null);

    assertThat(deployment).isEqualTo(object(DEPLOYMENT));
  }
}
