package io.driftwatch.ingest.git.render.kustomize.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.render.FileSystemSourceTree;
import io.driftwatch.ingest.git.render.PlainYamlRenderer;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parity harness itself, before any kustomize renderer exists: on the two cases that need no
 * transformation (a kustomization listing every file of its directory, and a Flux path of plain
 * manifests), the plain YAML renderer's output over {@link DirectorySourceTree} must compare equal
 * to kubectl's golden, and a one-field change, a missing object or an extra object must be
 * reported.
 */
class ParityHarnessTest {

  private static List<ObjectNode> renderPlain(String caseName) throws IOException {
    ParityCase parity = ParityCase.load(ParityCorpus.ROOT.resolve(caseName));
    RenderResult result =
        new PlainYamlRenderer().render(new FileSystemSourceTree(parity.root()), parity.build());
    assertThat(result.errors()).isEmpty();
    return result.manifests().stream().map(RenderedManifest::manifest).toList();
  }

  @Test
  void aCorrectRenderingOfAPlainKustomizationHasNoDifferences() throws IOException {
    ParityCase parity = ParityCase.load(ParityCorpus.ROOT.resolve("plain-base"));

    assertThat(ObjectSets.differences(parity.expectedObjects(), renderPlain("plain-base")))
        .isEmpty();
  }

  @Test
  void aCorrectRenderingOfAFluxPathWithNestedFilesAndAListHasNoDifferences() throws IOException {
    ParityCase parity = ParityCase.load(ParityCorpus.ROOT.resolve("flux-plain-directory"));

    assertThat(
            ObjectSets.differences(parity.expectedObjects(), renderPlain("flux-plain-directory")))
        .isEmpty();
  }

  @Test
  void aChangedFieldAMissingObjectAndAnExtraObjectAreEachReported() throws IOException {
    ParityCase parity = ParityCase.load(ParityCorpus.ROOT.resolve("plain-base"));
    List<ObjectNode> rendered = new ArrayList<>();
    renderPlain("plain-base").forEach(o -> rendered.add(o.deepCopy()));
    ObjectNode deployment =
        rendered.stream()
            .filter(o -> o.path("kind").asText().equals("Deployment"))
            .findFirst()
            .orElseThrow();
    deployment.withObjectProperty("spec").put("replicas", 3);
    rendered.removeIf(o -> o.path("kind").asText().equals("Namespace"));
    ObjectNode extra = rendered.get(0).deepCopy();
    extra.withObjectProperty("metadata").put("name", "extra");
    rendered.add(extra);

    assertThat(ObjectSets.differences(parity.expectedObjects(), rendered))
        .containsExactlyInAnyOrder(
            "missing: v1/Namespace//shop",
            "unexpected: " + ObjectSets.key(extra),
            "apps/v1/Deployment/shop/storefront /spec/replicas: expected 2, rendered 3");
  }

  @Test
  void numbersCompareByValueButNeverEqualStrings() {
    ObjectNode a = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    a.put("replicas", 3);
    ObjectNode b = a.deepCopy();
    b.put("replicas", 3L);
    ObjectNode c = a.deepCopy();
    c.put("replicas", "3");

    assertThat(ObjectSets.same(a, b)).isTrue();
    assertThat(ObjectSets.same(a, c)).isFalse();
  }
}
