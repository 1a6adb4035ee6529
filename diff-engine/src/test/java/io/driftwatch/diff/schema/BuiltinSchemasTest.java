package io.driftwatch.diff.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.diff.YamlText;
import org.junit.jupiter.api.Test;

class BuiltinSchemasTest {

  @Test
  void deploymentContainersAreKeyedByNameWithQuantityResources() {
    SchemaNode deployment =
        BuiltinSchemas.forManifest(YamlText.object("{apiVersion: apps/v1, kind: Deployment}"));
    SchemaNode containers =
        deployment.field("spec").field("template").field("spec").field("containers");

    assertThat(containers.listKey().fields()).containsExactly("name");
    assertThat(containers.items().field("resources").field("limits").field("cpu").isQuantity())
        .isTrue();
    assertThat(containers.items().field("ports").listKey().fields())
        .containsExactly("containerPort", "protocol");
  }

  @Test
  void theApiVersionDoesNotMatterOnlyTheGroup() {
    assertThat(
            BuiltinSchemas.forManifest(
                YamlText.object("{apiVersion: apps/v1beta2, kind: Deployment}")))
        .isSameAs(
            BuiltinSchemas.forManifest(YamlText.object("{apiVersion: apps/v1, kind: Deployment}")));
  }

  @Test
  void aCustomKindNamedLikeABuiltInOneHasNoSchema() {
    assertThat(
            BuiltinSchemas.forManifest(
                YamlText.object("{apiVersion: example.com/v1, kind: Deployment}")))
        .isNull();
    assertThat(BuiltinSchemas.forManifest(YamlText.object("{apiVersion: v1, kind: ConfigMap}")))
        .isNull();
  }

  @Test
  void cronJobPodTemplateSitsUnderTheJobTemplate() {
    SchemaNode cronJob = BuiltinSchemas.forKind("batch", "CronJob");
    SchemaNode podSpec =
        cronJob.field("spec").field("jobTemplate").field("spec").field("template").field("spec");

    assertThat(podSpec.field("initContainers").listKey().fields()).containsExactly("name");
    assertThat(podSpec.field("overhead").field("memory").isQuantity()).isTrue();
    assertThat(podSpec.field("volumes").items().field("emptyDir").field("sizeLimit").isQuantity())
        .isTrue();
  }

  @Test
  void storageAndQuotaKindsHaveTheirQuantities() {
    assertThat(
            BuiltinSchemas.forKind("", "PersistentVolumeClaim")
                .field("spec")
                .field("resources")
                .field("requests")
                .field("storage")
                .isQuantity())
        .isTrue();
    assertThat(
            BuiltinSchemas.forKind("", "PersistentVolume")
                .field("spec")
                .field("capacity")
                .field("storage")
                .isQuantity())
        .isTrue();
    assertThat(
            BuiltinSchemas.forKind("", "ResourceQuota")
                .field("spec")
                .field("hard")
                .field("requests.cpu")
                .isQuantity())
        .isTrue();
    assertThat(
            BuiltinSchemas.forKind("", "LimitRange")
                .field("spec")
                .field("limits")
                .items()
                .field("defaultRequest")
                .field("memory")
                .isQuantity())
        .isTrue();
    assertThat(
            BuiltinSchemas.forKind("apps", "StatefulSet")
                .field("spec")
                .field("volumeClaimTemplates")
                .items()
                .field("spec")
                .field("resources")
                .field("requests")
                .field("storage")
                .isQuantity())
        .isTrue();
  }

  @Test
  void servicePortsAreKeyedByPortAndProtocolDefaultingToTcp() {
    ListKey key = BuiltinSchemas.forKind("", "Service").field("spec").field("ports").listKey();

    assertThat(key.keyOf(YamlText.node("{port: 80}")))
        .isEqualTo(key.keyOf(YamlText.node("{port: 80, protocol: TCP, name: http}")))
        .isNotEqualTo(key.keyOf(YamlText.node("{port: 80, protocol: UDP}")));
  }

  @Test
  void tolerationsAreASetByKeyOperatorAndEffect() {
    ListKey key = BuiltinSchemas.forKind("", "Pod").field("spec").field("tolerations").listKey();

    assertThat(key.keyOf(YamlText.node("{key: a, effect: NoSchedule}")))
        .isEqualTo(
            key.keyOf(YamlText.node("{key: a, operator: Equal, effect: NoSchedule, value: x}")))
        .isNotEqualTo(key.keyOf(YamlText.node("{key: a, operator: Exists, effect: NoSchedule}")))
        .isNotEqualTo(key.keyOf(YamlText.node("{key: a, effect: NoExecute}")));
  }

  @Test
  void aListItemThatIsNotAnObjectHasNoKey() {
    assertThat(ListKey.of("name").keyOf(YamlText.node("web"))).isNull();
  }

  @Test
  void reconcilerBookkeepingKeysAreMarks() {
    assertThat(ReconcilerMarks.isMark("kustomize.toolkit.fluxcd.io/name")).isTrue();
    assertThat(ReconcilerMarks.isMark("argocd.argoproj.io/tracking-id")).isTrue();
    assertThat(ReconcilerMarks.isMark("meta.helm.sh/release-name")).isTrue();
    assertThat(ReconcilerMarks.isMark("app.kubernetes.io/instance")).isTrue();
    assertThat(ReconcilerMarks.isMark("app.kubernetes.io/name")).isFalse();
    assertThat(ReconcilerMarks.isMark("team")).isFalse();
  }
}
