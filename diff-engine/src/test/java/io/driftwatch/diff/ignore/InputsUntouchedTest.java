package io.driftwatch.diff.ignore;

import static io.driftwatch.diff.ignore.Yaml.node;
import static io.driftwatch.diff.ignore.Yaml.object;
import static io.driftwatch.diff.ignore.Yaml.rules;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class InputsUntouchedTest {

  @Test
  void onlyTheManifestIsModifiedNotTheTargetNorTheRulesDocument() {
    JsonNode document =
        node(
            """
            ignoreDifferences:
            - group: apps
              kind: Deployment
              jsonPointers: [/spec/replicas]
              jqPathExpressions: ['.spec.template.spec.containers[] | select(.name == "sidecar")']
            """);
    JsonNode documentBefore = document.deepCopy();
    IgnoreRules rules = IgnoreRules.parse(document, "rules.yaml");
    ObjectNode desired =
        object(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 2
              template:
                spec:
                  containers: [{name: web}, {name: sidecar}]
            """);
    JsonNode desiredBefore = desired.deepCopy();
    ObjectNode live = desired.deepCopy();

    rules.apply(live, desired, null);

    assertThat(live.at("/spec").has("replicas")).isFalse();
    assertThat(live.at("/spec/template/spec/containers")).hasSize(1);
    assertThat(desired).isEqualTo(desiredBefore);
    assertThat(document).isEqualTo(documentBefore);
  }

  @Test
  void rulesStayUsableAcrossManyObjects() {
    IgnoreRules rules =
        rules("[{group: apps, kind: Deployment, jqPathExpressions: [.spec.replicas]}]");

    for (int i = 0; i < 3; i++) {
      ObjectNode deployment =
          object(
              "{apiVersion: apps/v1, kind: Deployment, metadata: {name: d}, spec: {replicas: 1}}");
      rules.apply(deployment, null);
      assertThat(deployment.at("/spec").isEmpty()).isTrue();
    }
  }
}
