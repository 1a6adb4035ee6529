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
    ObjectNode manifest = ServerMetadataNormalizer.normalizedCopy(YamlText.object(LIVE));

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
  void theCopyLeavesTheSourceAlone() {
    ObjectNode source = YamlText.object(LIVE);

    ObjectNode copy = ServerMetadataNormalizer.normalizedCopy(source);

    assertThat(source).isEqualTo(YamlText.object(LIVE));
    ((ObjectNode) copy.get("spec")).put("replicas", 9);
    assertThat(source.at("/spec/replicas").asInt()).isEqualTo(2);
  }

  @Test
  void nestedTemplatesLoseTheirCreationTimestamp() {
    ObjectNode cronJob =
        YamlText.object(
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly, creationTimestamp: "2024-01-01T00:00:00Z"}
            spec:
              jobTemplate:
                metadata: {creationTimestamp: null, labels: {job: nightly}}
                spec:
                  template:
                    metadata: {creationTimestamp: null}
                    spec: {containers: [{name: run, image: busybox}]}
            """);

    ObjectNode copy = ServerMetadataNormalizer.normalizedCopy(cronJob);

    assertThat(copy.at("/spec/jobTemplate/metadata").toString())
        .isEqualTo("{\"labels\":{\"job\":\"nightly\"}}");
    assertThat(copy.at("/spec/jobTemplate/spec/template/metadata").isEmpty()).isTrue();
  }
}
