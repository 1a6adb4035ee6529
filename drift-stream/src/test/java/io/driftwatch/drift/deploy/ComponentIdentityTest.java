package io.driftwatch.drift.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentIdentityTest {

  private static final ResourceKey WEB =
      ResourceKey.of("prod-eu", "apps/v1", "Deployment", "shop", "web");
  private static final DeploymentSettings SETTINGS =
      new DeploymentSettings(Map.of("prod-eu", "production"));

  @Test
  void openChoreoLabelsNameComponentProjectAndEnvironment() {
    ObjectNode manifest =
        labelled(
            Map.of(
                "openchoreo.dev/component", "storefront",
                "openchoreo.dev/project", "retail",
                "openchoreo.dev/environment", "staging",
                "app.kubernetes.io/name", "ignored-when-openchoreo-labels-exist"));

    assertThat(ComponentIdentity.of(WEB, manifest, null, SETTINGS))
        .isEqualTo(new ComponentIdentity("staging", "retail", "storefront"));
  }

  @Test
  void withoutAnEnvironmentLabelTheClusterMapDecides() {
    ObjectNode manifest = labelled(Map.of("openchoreo.dev/component", "storefront"));

    assertThat(ComponentIdentity.of(WEB, manifest, null, SETTINGS))
        .as("no project label: the namespace")
        .isEqualTo(new ComponentIdentity("production", "shop", "storefront"));
  }

  @Test
  void recommendedLabelsNameComponentAndProject() {
    ObjectNode manifest =
        labelled(Map.of("app.kubernetes.io/name", "api", "app.kubernetes.io/part-of", "payments"));

    assertThat(ComponentIdentity.of(WEB, manifest, null, SETTINGS))
        .isEqualTo(new ComponentIdentity("production", "payments", "api"));
    assertThat(ComponentIdentity.of(WEB, manifest, null, SETTINGS).id())
        .isEqualTo("production/payments/api");
  }

  @Test
  void liveLabelsCountOnlyWhenGitDeclaresNone() {
    ObjectNode unlabelled = labelled(Map.of());
    ObjectNode live = labelled(Map.of("app.kubernetes.io/name", "api"));

    assertThat(ComponentIdentity.of(WEB, unlabelled, live, SETTINGS))
        .isEqualTo(new ComponentIdentity("production", "shop", "api"));
    assertThat(ComponentIdentity.of(WEB, labelled(Map.of("team", "a")), live, SETTINGS)).isNull();
  }

  @Test
  void aWorkloadWithoutComponentLabelsHasNoIdentity() {
    assertThat(ComponentIdentity.of(WEB, labelled(Map.of("app", "web")), null, SETTINGS)).isNull();
  }

  @Test
  void anUnreadableLabelIsRefusedNamingTheLabelButNotItsValue() {
    ObjectNode manifest = labelled(Map.of());
    ((ObjectNode) manifest.get("metadata")).putObject("labels").put("app.kubernetes.io/name", 17);

    assertThatThrownBy(() -> ComponentIdentity.of(WEB, manifest, null, SETTINGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label app.kubernetes.io/name is not a string");
    ((ObjectNode) manifest.get("metadata")).put("labels", "app=web");
    assertThatThrownBy(() -> ComponentIdentity.of(WEB, manifest, null, SETTINGS))
        .hasMessage("desired metadata.labels is not an object");
  }

  @Test
  void settingsRefuseAnEnvironmentThatWouldBreakTheComponentKey() {
    assertThatThrownBy(() -> new DeploymentSettings(Map.of("prod-eu", "prod/eu")))
        .hasMessageContaining("deployment.environments.prod-eu")
        .hasMessageContaining("without '/'");
    assertThat(DeploymentSettings.defaults().environmentOf("lab")).isEqualTo("lab");
  }

  private static ObjectNode labelled(Map<String, String> labels) {
    ObjectNode manifest = Json.mapper().createObjectNode();
    manifest.put("apiVersion", "apps/v1").put("kind", "Deployment");
    ObjectNode metadata = manifest.putObject("metadata").put("name", "web");
    if (!labels.isEmpty()) {
      ObjectNode labelNode = metadata.putObject("labels");
      labels.forEach(labelNode::put);
    }
    return manifest;
  }
}
