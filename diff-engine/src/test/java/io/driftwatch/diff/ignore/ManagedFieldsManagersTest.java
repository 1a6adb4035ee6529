package io.driftwatch.diff.ignore;

import static io.driftwatch.diff.ignore.Yaml.object;
import static io.driftwatch.diff.ignore.Yaml.rules;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.managed.ManagedFields;
import org.junit.jupiter.api.Test;

/**
 * {@code managedFieldsManagers} against real ManagedFields. These need the ManagedFields
 * implementation (the engine's helper writes it); against the skeleton they fail with
 * UnsupportedOperationException.
 */
class ManagedFieldsManagersTest {

  private static final String DESIRED =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        replicas: 2
        template:
          spec:
            containers:
            - name: web
              image: web:1.0
      """;

  private static final String LIVE =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
        managedFields:
        - manager: argocd-controller
          operation: Apply
          apiVersion: apps/v1
          time: "2024-05-01T10:00:00Z"
          fieldsType: FieldsV1
          fieldsV1:
            f:spec:
              f:template:
                f:spec:
                  f:containers:
                    k:{"name":"web"}:
                      .: {}
                      f:image: {}
                      f:name: {}
        - manager: kube-controller-manager
          operation: Update
          apiVersion: apps/v1
          time: "2024-05-01T10:05:00Z"
          fieldsType: FieldsV1
          fieldsV1:
            f:spec:
              f:replicas: {}
      spec:
        replicas: 7
        template:
          spec:
            containers:
            - name: web
              image: web:1.0
      """;

  @Test
  void fieldsOwnedByTheNamedManagersAreIgnoredOnBothSides() {
    IgnoreRules rules =
        rules(
            """
            - group: apps
              kind: Deployment
              managedFieldsManagers: [kube-controller-manager]
            """);
    ObjectNode live = object(LIVE);
    ManagedFields managed = ManagedFields.of(live);
    ObjectNode desired = object(DESIRED);

    rules.apply(desired, desired.deepCopy(), managed);
    rules.apply(live, object(DESIRED), managed);

    assertThat(desired.at("/spec").has("replicas")).isFalse();
    assertThat(live.at("/spec").has("replicas")).isFalse();
    assertThat(desired.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("web:1.0");
    assertThat(live.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("web:1.0");
  }

  @Test
  void fieldsOfOtherManagersStay() {
    IgnoreRules rules =
        rules(
            """
            - group: apps
              kind: Deployment
              managedFieldsManagers: [hpa-controller]
            """);
    ObjectNode live = object(LIVE);
    JsonNode before = live.deepCopy();

    rules.apply(live, object(DESIRED), ManagedFields.of(before));

    assertThat(live).isEqualTo(before);
  }
}
