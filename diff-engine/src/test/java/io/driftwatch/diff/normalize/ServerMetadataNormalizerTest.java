package io.driftwatch.diff.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.YamlText;
import org.junit.jupiter.api.Test;

class ServerMetadataNormalizerTest {

  private static final String LIVE =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: shop
        uid: 1f0c
        resourceVersion: "4711"
        generation: 3
        creationTimestamp: "2024-01-01T00:00:00Z"
        selfLink: /apis/apps/v1/namespaces/shop/deployments/api
        deletionTimestamp: "2024-01-02T00:00:00Z"
        deletionGracePeriodSeconds: 30
        managedFields:
        - manager: kubectl-edit
          operation: Update
          fieldsType: FieldsV1
          fieldsV1: {f:spec: {f:replicas: {}}}
        labels: {app: api}
        annotations:
          kubectl.kubernetes.io/last-applied-configuration: '{"spec":{}}'
          deployment.kubernetes.io/revision: "7"
          team: payments
      spec:
        replicas: 2
      status:
        readyReplicas: 2
      """;

  @Test
  void serverSetMetadataStatusAndBookkeepingAnnotationsAreDropped() {
    ObjectNode manifest = YamlText.object(LIVE);

    ServerMetadataNormalizer.normalize(manifest);

    assertThat(manifest)
        .isEqualTo(
            YamlText.object(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                  namespace: shop
                  labels: {app: api}
                  annotations: {team: payments}
                spec:
                  replicas: 2
                """));
  }

  @Test
  void theNormalizedCopyEqualsNormalizingInPlaceAndLeavesTheSourceAlone() {
    ObjectNode source = YamlText.object(LIVE);
    ObjectNode inPlace = YamlText.object(LIVE);
    ServerMetadataNormalizer.normalize(inPlace);

    ObjectNode copy = ServerMetadataNormalizer.normalizedCopy(source);

    assertThat(copy).isEqualTo(inPlace);
    assertThat(source).isEqualTo(YamlText.object(LIVE));
    ((ObjectNode) copy.get("spec")).put("replicas", 9);
    assertThat(source.at("/spec/replicas").asInt()).isEqualTo(2);
  }
}
