package io.driftwatch.ingest.git.discover;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftwatch.ingest.git.GitSourceConfig;
import io.driftwatch.ingest.git.render.DesiredSet;
import io.driftwatch.ingest.git.render.DesiredSetAssembler;
import io.driftwatch.ingest.git.render.FileSystemSourceTree;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.ingest.git.render.kustomize.KustomizeRenderer;
import io.driftwatch.model.secret.SecretRedactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a fleet renders, made as ingest-git makes it: from a directory, or from YAML in a test. */
public final class FleetObjects {

  private static final YAMLMapper YAML = new YAMLMapper();

  private FleetObjects() {}

  /**
   * A fleet source on cluster {@code c1} with default namespace {@code default}, polled each 45s.
   */
  public static GitSourceConfig fleet(String id, String repository, String path) {
    return new GitSourceConfig(
        id, repository, "main", path, "c1", "default", Duration.ofSeconds(45), null);
  }

  /**
   * The objects of {@code path} of a repository on disk, rendered and assembled as ingest-git does.
   */
  public static List<RenderedManifest> rendered(Path repository, String path) {
    try {
      RenderResult result =
          new KustomizeRenderer().render(new FileSystemSourceTree(repository), path);
      if (result.failed()) {
        throw new AssertionError("the fleet does not render: " + result.errors());
      }
      DesiredSet set =
          new DesiredSetAssembler(SecretRedactor.withRandomKey()).assemble(result, "c1", "default");
      return List.copyOf(set.objects().values());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One object written by a test, as if rendered from {@code path}. */
  public static RenderedManifest object(String path, String yaml) {
    try {
      return new RenderedManifest(path, (ObjectNode) YAML.readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
