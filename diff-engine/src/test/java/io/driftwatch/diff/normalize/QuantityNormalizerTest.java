package io.driftwatch.diff.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.YamlText;
import io.driftwatch.diff.quantity.QuantityNode;
import io.driftwatch.diff.schema.BuiltinSchemas;
import org.junit.jupiter.api.Test;

class QuantityNormalizerTest {

  private static ObjectNode normalized(String yaml) {
    ObjectNode manifest = YamlText.object(yaml);
    QuantityNormalizer.normalize(manifest, BuiltinSchemas.forManifest(manifest));
    return manifest;
  }

  @Test
  void containerResourcesCompareByAmountWhicheverWayTheyAreWritten() {
    String template =
        """
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
              - name: web
                resources:
                  limits: {cpu: %s, memory: %s}
                  requests: {cpu: %s}
        """;

    ObjectNode git = normalized(template.formatted("1", "1Gi", "0.5"));
    ObjectNode cluster = normalized(template.formatted("'1000m'", "'1024Mi'", "500m"));

    assertThat(git).isEqualTo(cluster);
    assertThat(git.at("/spec/template/spec/containers/0/resources/limits/cpu"))
        .isInstanceOf(QuantityNode.class);
    assertThat(cluster.at("/spec/template/spec/containers/0/resources/limits/memory").asText())
        .isEqualTo("1024Mi");
  }

  @Test
  void aDifferentAmountStaysDifferent() {
    String template =
        """
        apiVersion: v1
        kind: PersistentVolumeClaim
        spec: {resources: {requests: {storage: %s}}}
        """;

    assertThat(normalized(template.formatted("1Gi")))
        .isNotEqualTo(normalized(template.formatted("1G")));
  }

  @Test
  void placesOutsideTheSchemaAreLeftAsWritten() {
    ObjectNode configMap =
        normalized(
            """
            apiVersion: v1
            kind: ConfigMap
            data: {cpu: 1000m}
            """);
    ObjectNode deployment =
        normalized(
            """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              replicas: 1
              template:
                metadata: {annotations: {cpu: 1000m}}
                spec:
                  containers: [{name: web, image: '1000m'}]
            """);

    assertThat(configMap.at("/data/cpu")).isNotInstanceOf(QuantityNode.class);
    assertThat(deployment.at("/spec/template/metadata/annotations/cpu"))
        .isNotInstanceOf(QuantityNode.class);
    assertThat(deployment.at("/spec/template/spec/containers/0/image"))
        .isNotInstanceOf(QuantityNode.class);
    assertThat(deployment.at("/spec/replicas")).isNotInstanceOf(QuantityNode.class);
  }

  @Test
  void invalidQuantityTextIsComparedAsWritten() {
    ObjectNode manifest =
        normalized(
            """
            apiVersion: v1
            kind: ResourceQuota
            spec: {hard: {pods: lots, requests.cpu: '4'}}
            """);

    assertThat(manifest.at("/spec/hard/pods")).isNotInstanceOf(QuantityNode.class);
    assertThat(manifest.at("/spec/hard/pods").asText()).isEqualTo("lots");
    assertThat(manifest.at("/spec/hard/requests.cpu")).isInstanceOf(QuantityNode.class);
  }

  @Test
  void everyBuiltInQuantityPlaceIsNormalized() {
    ObjectNode cronJob =
        normalized(
            """
            apiVersion: batch/v1
            kind: CronJob
            spec:
              jobTemplate:
                spec:
                  template:
                    spec:
                      overhead: {cpu: 250m}
                      resources: {limits: {memory: 1Gi}}
                      initContainers: [{name: init, resources: {requests: {cpu: '1'}}}]
                      volumes: [{name: tmp, emptyDir: {sizeLimit: 64Mi}}]
            """);
    String pod = "/spec/jobTemplate/spec/template/spec";

    assertThat(cronJob.at(pod + "/overhead/cpu")).isInstanceOf(QuantityNode.class);
    assertThat(cronJob.at(pod + "/resources/limits/memory")).isInstanceOf(QuantityNode.class);
    assertThat(cronJob.at(pod + "/initContainers/0/resources/requests/cpu"))
        .isInstanceOf(QuantityNode.class);
    assertThat(cronJob.at(pod + "/volumes/0/emptyDir/sizeLimit")).isInstanceOf(QuantityNode.class);
  }
}
