package io.driftwatch.ingest.git.render;

import java.util.List;

/**
 * What a renderer made of one source at one commit: the objects it rendered, in declaration order,
 * and the files or documents it could not render.
 */
public record RenderResult(List<RenderedManifest> manifests, List<RenderError> errors) {

  public RenderResult {
    manifests = List.copyOf(manifests);
    errors = List.copyOf(errors);
  }
}
