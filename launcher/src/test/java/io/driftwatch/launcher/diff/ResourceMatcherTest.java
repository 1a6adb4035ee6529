package io.driftwatch.launcher.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.serde.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceMatcherTest {

  private static ManifestDocument doc(String apiVersion, String kind, String ns, String name) {
    ObjectNode manifest = Json.mapper().createObjectNode();
    manifest.put("apiVersion", apiVersion).put("kind", kind);
    ObjectNode metadata = manifest.putObject("metadata").put("name", name);
    if (ns != null) {
      metadata.put("namespace", ns);
    }
    return new ManifestDocument(manifest, "file.yaml, " + kind + " " + name);
  }

  @Test
  void theKeyHasAnEmptyCoreGroupAndNoVersion() {
    assertThat(ManifestKey.of(doc("v1", "Service", "shop", "api").manifest(), "default"))
        .hasToString("/Service/shop/api");
    assertThat(ManifestKey.of(doc("apps/v1", "Deployment", "shop", "api").manifest(), "default"))
        .hasToString("apps/Deployment/shop/api");
  }

  @Test
  void aNamespacedObjectWithoutNamespaceGetsTheDefault() {
    assertThat(ManifestKey.of(doc("v1", "ConfigMap", null, "settings").manifest(), "staging"))
        .hasToString("/ConfigMap/staging/settings");
  }

  @Test
  void aClusterScopedObjectHasNoNamespaceEvenIfItNamesOne() {
    assertThat(
            ManifestKey.of(
                doc("rbac.authorization.k8s.io/v1", "ClusterRole", "shop", "view").manifest(),
                "default"))
        .hasToString("rbac.authorization.k8s.io/ClusterRole//view");
    assertThat(ManifestKey.of(doc("v1", "Namespace", null, "shop").manifest(), "default"))
        .hasToString("/Namespace//shop");
  }

  @Test
  void aSlashInASegmentIsEscaped() {
    assertThat(ManifestKey.of(doc("v1", "ConfigMap", "a", "b/c%d").manifest(), "default"))
        .hasToString("/ConfigMap/a/b%2Fc%25d");
  }

  @Test
  void resourcesArePairedAcrossVersionsAndDefaultNamespaceAndSortedByKey() throws Exception {
    List<ResourcePair> pairs =
        ResourceMatcher.match(
            List.of(
                doc("v1", "Service", null, "web"),
                doc("apps/v1beta1", "Deployment", "shop", "api"),
                doc("v1", "ConfigMap", "shop", "only-desired")),
            List.of(
                doc("apps/v1", "Deployment", "shop", "api"),
                doc("v1", "Service", "default", "web"),
                doc("v1", "Secret", "shop", "only-live")),
            "default");

    assertThat(pairs)
        .extracting(p -> p.key().toString())
        .containsExactly(
            "/ConfigMap/shop/only-desired",
            "/Secret/shop/only-live",
            "/Service/default/web",
            "apps/Deployment/shop/api");
    assertThat(pairs.get(0).liveManifest()).isNull();
    assertThat(pairs.get(1).desiredManifest()).isNull();
    assertThat(pairs.get(2).desiredManifest()).isNotNull();
    assertThat(pairs.get(2).liveManifest()).isNotNull();
    assertThat(pairs.get(3).desiredManifest().path("apiVersion").asText())
        .isEqualTo("apps/v1beta1");
  }

  @Test
  void twoObjectsWithOneIdentityInAFileAreAnErrorNamingBoth() {
    ManifestDocument first =
        new ManifestDocument(doc("v1", "ConfigMap", null, "a").manifest(), "d.yaml, document 1");
    ManifestDocument second =
        new ManifestDocument(
            doc("v1", "ConfigMap", "default", "a").manifest(), "d.yaml, document 4");

    assertThatThrownBy(() -> ResourceMatcher.match(List.of(first, second), List.of(), "default"))
        .isInstanceOf(DiffInputException.class)
        .hasMessage(
            "two objects are /ConfigMap/default/a: d.yaml, document 1 and d.yaml, document 4;"
                + " keep one of them");
  }
}
