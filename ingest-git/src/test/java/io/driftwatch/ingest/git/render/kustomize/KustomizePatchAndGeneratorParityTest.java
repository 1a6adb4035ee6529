package io.driftwatch.ingest.git.render.kustomize;

import static io.driftwatch.ingest.git.render.kustomize.Fixtures.assertMatchesKubectl;
import static io.driftwatch.ingest.git.render.kustomize.Fixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import org.junit.jupiter.api.Test;

/**
 * Parity with {@code kubectl kustomize} where the build goes through the patch and generator seams
 * ({@code patch.*}, {@code generate.*}): which objects a patch selects, the order patches run in,
 * generator behaviours, hash suffixes and the references rewritten to them.
 */
class KustomizePatchAndGeneratorParityTest {

  @Test
  void patchesOfEveryFormSelectTheirTargetsAndRunInKustomizeOrder() throws Exception {
    assertMatchesKubectl("patches", "overlay");
  }

  @Test
  void generatedObjectsGetHashSuffixesAndEveryReferenceFollowsThem() throws Exception {
    assertMatchesKubectl("generators", "overlay");
  }

  @Test
  void componentsRunAfterTheParentsGenerators() throws Exception {
    assertMatchesKubectl("component-order", "app");
  }

  @Test
  void generatedObjectsCarryTheKustomizationFileAndMergedOnesKeepTheirOwn() throws Exception {
    RenderResult result = render("generators", "overlay");

    assertThat(result.manifests())
        .filteredOn(m -> m.manifest().path("kind").asText().equals("Secret"))
        .extracting(RenderedManifest::path)
        .containsExactly("overlay/kustomization.yaml");
    assertThat(result.manifests())
        .filteredOn(m -> m.manifest().at("/metadata/name").asText().equals("prod-plain"))
        .extracting(RenderedManifest::path)
        .containsExactly("base/app.yaml");
  }
}
