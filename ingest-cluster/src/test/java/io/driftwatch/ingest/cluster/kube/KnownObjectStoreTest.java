package io.driftwatch.ingest.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownObjectStoreTest {

  private final KnownObjectStore store = new KnownObjectStore("apps/v1", "Deployment");

  @Test
  void keepsOnlyKeyAndResourceVersionAndReadsBackAStubThatNamesTheObject() {
    GenericKubernetesResource web = deployment("shop", "web", "10");
    String key = store.getKey(web);

    assertThat(store.put(key, web)).isNull();
    GenericKubernetesResource previous = store.put(key, deployment("shop", "web", "11"));

    assertThat(key).isEqualTo("shop/web").isEqualTo(KnownObjectStore.keyOf("shop", "web"));
    assertThat(previous.getApiVersion()).isEqualTo("apps/v1");
    assertThat(previous.getKind()).isEqualTo("Deployment");
    assertThat(previous.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(previous.getMetadata().getName()).isEqualTo("web");
    assertThat(previous.getMetadata().getResourceVersion()).isEqualTo("10");
    assertThat(previous.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(previous.getAdditionalProperties()).isEmpty();
    assertThat(store.get(key).getMetadata().getResourceVersion()).isEqualTo("11");
    assertThat(store.isFullState()).isFalse();
  }

  @Test
  void listsRemovesAndCountsWhatItHolds() {
    store.put("shop/web", deployment("shop", "web", "1"));
    store.put("ops/api", deployment("ops", "api", "2"));

    assertThat(store.size()).isEqualTo(2);
    assertThat(store.keySet()).containsExactlyInAnyOrder("shop/web", "ops/api");
    assertThat(store.values())
        .extracting(d -> d.getMetadata().getName())
        .containsExactlyInAnyOrder("web", "api");
    assertThat(store.remove("ops/api").getMetadata().getResourceVersion()).isEqualTo("2");
    assertThat(store.remove("ops/api")).isNull();
    assertThat(store.contains("shop/web")).isTrue();
    assertThat(store.contains("ops/api")).isFalse();
  }

  @Test
  void clusterScopedObjectsAreKeyedByNameAlone() {
    KnownObjectStore namespaces = new KnownObjectStore("v1", "Namespace");
    GenericKubernetesResource shop =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("v1")
            .withKind("Namespace")
            .withNewMetadata()
            .withName("shop")
            .withResourceVersion("3")
            .endMetadata()
            .build();

    namespaces.put(namespaces.getKey(shop), shop);

    assertThat(namespaces.getKey(shop))
        .isEqualTo("shop")
        .isEqualTo(KnownObjectStore.keyOf("", "shop"));
    assertThat(namespaces.get("shop").getMetadata().getNamespace()).isNull();
  }

  @Test
  void thePublishedFingerprintSurvivesUpdatesButNotADeletion() {
    Fingerprint fingerprint = new Fingerprint(7, 42);
    store.put("shop/web", deployment("shop", "web", "1"));
    store.published("shop/web", fingerprint);

    store.put("shop/web", deployment("shop", "web", "2"));
    assertThat(store.lastPublished("shop/web", fingerprint)).isTrue();
    assertThat(store.lastPublished("shop/web", new Fingerprint(7, 43))).isFalse();

    store.remove("shop/web");
    store.put("shop/web", deployment("shop", "web", "3"));
    assertThat(store.lastPublished("shop/web", fingerprint)).isFalse();
  }

  private static GenericKubernetesResource deployment(
      String namespace, String name, String resourceVersion) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withResourceVersion(resourceVersion)
        .addToLabels("app", name)
        .endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of("replicas", 3)))
        .build();
  }
}
