package io.driftwatch.ingest.cluster.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.ResourceKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FluxInventoryTest {

  @Test
  void namespacedObjectOfANamedGroup() {
    assertThat(FluxInventory.parse("prod", "shop_web_apps_Deployment"))
        .isEqualTo(new ResourceKey("prod", "apps", "Deployment", "shop", "web"));
  }

  @Test
  void coreGroupIsAnEmptySegment() {
    assertThat(FluxInventory.parse("prod", "shop_settings__ConfigMap"))
        .isEqualTo(new ResourceKey("prod", "", "ConfigMap", "shop", "settings"));
  }

  @Test
  void clusterScopedObjectHasAnEmptyNamespace() {
    assertThat(FluxInventory.parse("prod", "_shop__Namespace"))
        .isEqualTo(new ResourceKey("prod", "", "Namespace", "", "shop"));
  }

  @Test
  void doubleUnderscoreInANameIsAColon() {
    assertThat(
            FluxInventory.parse(
                "prod", "_system__auth-delegator_rbac.authorization.k8s.io_ClusterRoleBinding"))
        .isEqualTo(
            new ResourceKey(
                "prod",
                "rbac.authorization.k8s.io",
                "ClusterRoleBinding",
                "",
                "system:auth-delegator"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "web",
        "shop_web",
        "shop_web_Deployment",
        "shop_a_b_apps_Deployment",
        "shop__apps_Deployment",
        "shop_web_apps_"
      })
  void idThatIsNotFourFieldsDoesNotParse(String id) {
    assertThat(FluxInventory.parse("prod", id)).isNull();
  }
}
