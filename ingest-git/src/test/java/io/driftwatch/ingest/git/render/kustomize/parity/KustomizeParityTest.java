package io.driftwatch.ingest.git.render.kustomize.parity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.render.FileSystemSourceTree;
import io.driftwatch.ingest.git.render.RenderError;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.ingest.git.render.kustomize.KustomizeRenderer;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-process renderer against {@code kubectl kustomize} on every case of the parity corpus: the
 * same objects (a set keyed by apiVersion, kind, namespace and name, each object exactly), and for
 * the unsupported or broken cases a clean error naming the problem. Whether the objects also come
 * in kubectl's order is reported, not asserted: the pipeline keys desired state by resource, so
 * order is not part of the contract.
 */
class KustomizeParityTest {

  static Stream<ParityCase> renderingCases() {
    return ParityCorpus.renderingCases();
  }

  static Stream<ParityCase> failingCases() {
    return ParityCorpus.failingCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderingCases")
  void rendersTheSameObjectsAsKubectlKustomize(ParityCase parity, TestReporter reporter)
      throws IOException {
    RenderResult result = render(parity);

    assertThat(result.errors()).as("%s: render errors", parity.name()).isEmpty();
    List<ObjectNode> rendered =
        result.manifests().stream()
            .map(RenderedManifest::manifest)
            .map(ObjectNode::deepCopy)
            .toList();
    parity.targetNamespace().ifPresent(ns -> rendered.forEach(o -> TargetNamespace.apply(o, ns)));
    List<ObjectNode> expected = parity.expectedObjects();
    assertThat(ObjectSets.differences(expected, rendered))
        .as("%s (%s): differences from kubectl kustomize", parity.name(), parity.description())
        .isEmpty();

    List<String> expectedOrder = ObjectSets.keys(expected);
    List<String> renderedOrder = ObjectSets.keys(rendered);
    Notes.publish(
        reporter,
        "order",
        expectedOrder.equals(renderedOrder)
            ? "same as kubectl kustomize"
            : "differs from kubectl kustomize (informational): kubectl "
                + expectedOrder
                + ", rendered "
                + renderedOrder);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failingCases")
  void failsCleanlyWithAnErrorNamingTheProblem(ParityCase parity) throws IOException {
    RenderResult result = render(parity);

    assertThat(result.errors())
        .as("%s (%s): render errors", parity.name(), parity.description())
        .isNotEmpty();
    assertThat(result.errors().stream().map(KustomizeParityTest::describe).toList())
        .as("%s: some error names %s", parity.name(), parity.expectedError())
        .anySatisfy(error -> assertThat(error).contains(parity.expectedError()));
    // kustomize build prints nothing for a kustomization it cannot build; a partial rendering
    // published as the source's desired state would tombstone whatever is missing from it.
    assertThat(result.manifests()).as("%s: objects rendered anyway", parity.name()).isEmpty();
  }

  private static RenderResult render(ParityCase parity) throws IOException {
    return new KustomizeRenderer().render(new FileSystemSourceTree(parity.root()), parity.build());
  }

  private static String describe(RenderError error) {
    return error.path() + ": " + error.reason();
  }
}
