package io.driftwatch.ingest.git.render.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.git.render.BoundedYamlReader;
import io.driftwatch.ingest.git.render.FileSystemSourceTree;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.ingest.git.render.YamlLimits;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Paired fixtures under {@code src/test/resources/kustomize-core/<case>}: the input directories and
 * {@code expected.yaml}, the output of {@code kubectl kustomize <case>/<path>} (kustomize v5.5.0)
 * at the time the fixture was written. To regenerate one: {@code kubectl kustomize <case>/<path> >
 * <case>/expected.yaml}.
 */
final class Fixtures {

  private Fixtures() {}

  static Path root() {
    try {
      return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/kustomize-core")).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static RenderResult render(String fixture, String path) throws IOException {
    return new KustomizeRenderer().render(new FileSystemSourceTree(root().resolve(fixture)), path);
  }

  static List<JsonNode> expected(String fixture) throws Exception {
    byte[] bytes = Files.readAllBytes(root().resolve(fixture).resolve("expected.yaml"));
    return new BoundedYamlReader(YamlLimits.DEFAULTS).read(bytes);
  }

  /** The rendering equals kubectl's, object for object and in kubectl's order. */
  static void assertMatchesKubectl(String fixture, String path) throws Exception {
    RenderResult result = render(fixture, path);
    assertThat(result.failed()).as("failed: %s", result.errors()).isFalse();
    assertThat(result.errors()).isEmpty();
    List<JsonNode> rendered =
        result.manifests().stream()
            .map(RenderedManifest::manifest)
            .map(JsonNode.class::cast)
            .toList();
    assertThat(rendered).containsExactlyElementsOf(expected(fixture));
  }
}
