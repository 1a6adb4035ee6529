package io.driftwatch.ingest.git.render.kustomize.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture's patch applied in-process gives exactly what {@code kubectl kustomize} printed for
 * it (expected.yaml): same fields, same values, same list order.
 */
class KustomizeParityFixturesTest {

  static Stream<String> strategicMergeFixtures() {
    return PatchFixtures.names("smp-");
  }

  static Stream<String> jsonPatchFixtures() {
    return PatchFixtures.names("json-");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategicMergeFixtures")
  void strategicMergeMatchesKubectlKustomize(String fixture) throws PatchException {
    ObjectNode target = PatchFixtures.object(fixture, "res.yaml");
    ObjectNode patch = PatchFixtures.object(fixture, "patch.yaml");
    ObjectNode targetBefore = target.deepCopy();
    ObjectNode patchBefore = patch.deepCopy();

    ObjectNode result = StrategicMergePatch.apply(target, patch);

    assertThat(result).isEqualTo(expected(fixture));
    assertThat(target).as("target untouched").isEqualTo(targetBefore);
    assertThat(patch).as("patch untouched").isEqualTo(patchBefore);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonPatchFixtures")
  void jsonPatchMatchesKubectlKustomize(String fixture) throws PatchException {
    ObjectNode target = PatchFixtures.object(fixture, "res.yaml");
    JsonNode operations = PatchFixtures.document(fixture, "patch.yaml");
    ObjectNode targetBefore = target.deepCopy();

    ObjectNode result = JsonPatch.apply(target, operations);

    assertThat(result).isEqualTo(expected(fixture));
    assertThat(target).as("target untouched").isEqualTo(targetBefore);
  }

  private static ObjectNode expected(String fixture) {
    List<JsonNode> documents = PatchFixtures.documents(fixture, "expected.yaml");
    assertThat(documents).as("kubectl printed at most one object").hasSizeLessThanOrEqualTo(1);
    return documents.isEmpty() ? null : (ObjectNode) documents.get(0);
  }
}
