package io.driftwatch.ingest.git.render.kustomize;

import static io.driftwatch.ingest.git.render.kustomize.Fixtures.assertMatchesKubectl;
import static io.driftwatch.ingest.git.render.kustomize.Fixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import org.junit.jupiter.api.Test;

/**
 * Object-for-object parity with {@code kubectl kustomize} (kustomize v5.5.0) on fixtures that do
 * not use patches or generators.
 */
class KustomizeParityTest {

  @Test
  void prefixSuffixAndNamespaceRewriteEveryNameReferenceAcrossBaseAndOverlay() throws Exception {
    assertMatchesKubectl("name-references", "overlay");
  }

  @Test
  void commonLabelsReachSelectorsAndTemplatesWhileLabelsReachOnlyWhatTheyAskFor() throws Exception {
    assertMatchesKubectl("labels-annotations", "");
  }

  @Test
  void imagesMatchByNameWithTagsDigestsAndPortsAndReplicasMatchEarlierNames() throws Exception {
    assertMatchesKubectl("images-replicas", "overlay");
  }

  @Test
  void componentsAddResourcesAndTransformEverythingGatheredBeforeThem() throws Exception {
    assertMatchesKubectl("components", "app");
  }

  @Test
  void outputFollowsKustomizeLegacyOrderAndDropsLocalConfig() throws Exception {
    assertMatchesKubectl("ordering", "");
  }

  @Test
  void fifoSortOptionKeepsDeclarationOrder() throws Exception {
    assertMatchesKubectl("sort-fifo", "");
  }

  @Test
  void namespaceMovesNamespacedObjectsRenamesTheNamespaceAndFollowsDefaultSubjects()
      throws Exception {
    assertMatchesKubectl("namespace-transform", "");
  }

  @Test
  void everyObjectCarriesTheFileItWasDeclaredIn() throws Exception {
    RenderResult result = render("name-references", "overlay");

    assertThat(result.manifests())
        .filteredOn(m -> m.manifest().path("kind").asText().equals("Ingress"))
        .extracting(RenderedManifest::path)
        .containsExactly("overlay/ingress.yaml");
    assertThat(result.manifests())
        .filteredOn(m -> m.manifest().path("kind").asText().equals("ClusterRole"))
        .extracting(RenderedManifest::path)
        .containsExactly("base/cluster.yaml");
  }
}
