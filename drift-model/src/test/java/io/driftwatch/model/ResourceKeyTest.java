package io.driftwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceKeyTest {

  @Test
  void canonicalFormListsClusterGroupKindNamespaceName() {
    ResourceKey key = ResourceKey.of("prod-eu", "apps/v1", "Deployment", "shop", "web");

    assertThat(key.toString()).isEqualTo("prod-eu/apps/Deployment/shop/web");
  }

  @Test
  void coreGroupAndClusterScopeAreEmptySegments() {
    ResourceKey key = ResourceKey.of("prod", "v1", "Namespace", null, "shop");

    assertThat(key.toString()).isEqualTo("prod//Namespace//shop");
    assertThat(key.group()).isEmpty();
    assertThat(key.clusterScoped()).isTrue();
  }

  @Test
  void apiVersionDoesNotChangeTheIdentity() {
    assertThat(ResourceKey.of("c", "apps/v1", "Deployment", "ns", "web"))
        .isEqualTo(ResourceKey.of("c", "apps/v1beta1", "Deployment", "ns", "web"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "prod-eu/apps/Deployment/shop/web",
        "prod//ConfigMap/kube-system/coredns",
        "prod//Namespace//shop",
        "kind%2Fdev/kustomize.toolkit.fluxcd.io/Kustomization/flux-system/apps",
        "c/g/K/ns/100%25-done"
      })
  void parseRoundTripsTheCanonicalForm(String text) {
    assertThat(ResourceKey.parse(text).toString()).isEqualTo(text);
  }

  @Test
  void slashesAndPercentsInsideSegmentsRoundTrip() {
    ResourceKey key = new ResourceKey("team/a%b", "example.com", "Widget", "n/s", "w");

    assertThat(ResourceKey.parse(key.toString())).isEqualTo(key);
    assertThat(key.toString()).isEqualTo("team%2Fa%25b/example.com/Widget/n%2Fs/w");
  }

  @Test
  void parseRejectsTheWrongNumberOfSegmentsAndSaysTheExpectedForm() {
    assertThatThrownBy(() -> ResourceKey.parse("prod/apps/Deployment/web"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prod/apps/Deployment/web")
        .hasMessageContaining("cluster/group/kind/namespace/name");
  }

  @Test
  void parseRejectsUnknownEscapes() {
    assertThatThrownBy(() -> ResourceKey.parse("c/g/K/ns/a%41"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("%41");
  }

  @Test
  void clusterKindAndNameAreRequired() {
    assertThatThrownBy(() -> ResourceKey.parse("/apps/Deployment/ns/web"))
        .hasMessageContaining("cluster must not be empty");
    assertThatThrownBy(() -> new ResourceKey("c", "", "", "", "x"))
        .hasMessageContaining("kind must not be empty");
    assertThatThrownBy(() -> new ResourceKey("c", "", "Pod", "ns", " "))
        .hasMessageContaining("name must not be empty");
  }
}
