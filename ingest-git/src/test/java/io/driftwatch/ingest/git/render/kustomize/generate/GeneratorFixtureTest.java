package io.driftwatch.ingest.git.render.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture renders exactly what {@code kubectl kustomize} printed for it: same objects, same
 * names with the same hash suffixes, same fields in the same order.
 */
class GeneratorFixtureTest {

  static Stream<String> cases() throws Exception {
    return GeneratorFixtures.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersWhatKubectlPrinted(String name) throws Exception {
    Path dir = GeneratorFixtures.root().resolve(name);

    List<ObjectNode> rendered = GeneratorFixtures.render(dir);
    List<ObjectNode> expected = GeneratorFixtures.expected(dir);

    // Compared as JSON text, so field order counts as well as content.
    assertThat(rendered.stream().map(ObjectNode::toString).toList())
        .containsExactlyElementsOf(expected.stream().map(ObjectNode::toString).toList());
  }
}
