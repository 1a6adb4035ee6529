package io.driftwatch.ingest.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.ingest.cluster.WatchedKind;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KindResolverTest {

  // Nothing listens on port 1: built-in kinds must resolve without asking the API server.
  private final KubernetesClient offline =
      new KubernetesClientBuilder()
          .withConfig(
              new ConfigBuilder()
                  .withMasterUrl("http://127.0.0.1:1")
                  .withRequestRetryBackoffLimit(0)
                  .withConnectionTimeout(500)
                  .build())
          .build();

  @AfterEach
  void closeClient() {
    offline.close();
  }

  @Test
  void builtInKindsResolveFromFabric8ModelWithoutAskingTheServer() throws Exception {
    assertThat(resolve("apps/v1", "Deployment"))
        .satisfies(c -> expect(c, "apps", "v1", "deployments", true));
    assertThat(resolve("v1", "ConfigMap")).satisfies(c -> expect(c, "", "v1", "configmaps", true));
    assertThat(resolve("v1", "Service")).satisfies(c -> expect(c, "", "v1", "services", true));
    assertThat(resolve("v1", "Namespace")).satisfies(c -> expect(c, "", "v1", "namespaces", false));
    assertThat(resolve("rbac.authorization.k8s.io/v1", "ClusterRole"))
        .satisfies(c -> expect(c, "rbac.authorization.k8s.io", "v1", "clusterroles", false));
  }

  @Test
  void configuredPluralAndScopeWinWithoutAnyLookup() throws Exception {
    ResourceDefinitionContext context =
        KindResolver.resolve(
            "prod",
            new WatchedKind("openchoreo.dev/v1alpha1", "Component", "components", true),
            offline);

    expect(context, "openchoreo.dev", "v1alpha1", "components", true);
  }

  @Test
  void unknownKindThatDiscoveryCannotResolveNamesClusterKindAndTheFix() {
    assertThatThrownBy(
            () -> KindResolver.resolve("prod", WatchedKind.of("example.com/v1", "Widget"), offline))
        .isInstanceOf(KindResolutionException.class)
        .hasMessageContaining("'prod'")
        .hasMessageContaining("example.com/v1")
        .hasMessageContaining("Widget")
        .hasMessageContaining("`plural` and `namespaced`");
  }

  private ResourceDefinitionContext resolve(String apiVersion, String kind) throws Exception {
    return KindResolver.resolve("prod", WatchedKind.of(apiVersion, kind), offline);
  }

  private static void expect(
      ResourceDefinitionContext context,
      String group,
      String version,
      String plural,
      boolean namespaced) {
    assertThat(context.getGroup() == null ? "" : context.getGroup()).isEqualTo(group);
    assertThat(context.getVersion()).isEqualTo(version);
    assertThat(context.getPlural()).isEqualTo(plural);
    assertThat(context.isNamespaceScoped()).isEqualTo(namespaced);
  }
}
