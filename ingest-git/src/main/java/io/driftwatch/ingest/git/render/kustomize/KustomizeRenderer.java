package io.driftwatch.ingest.git.render.kustomize;

import io.driftwatch.ingest.git.render.ManifestRenderer;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.SourceTree;
import java.io.IOException;

/** Skeleton: the kustomize core helper implements it. */
public final class KustomizeRenderer implements ManifestRenderer {

  @Override
  public RenderResult render(SourceTree tree, String path) throws IOException {
    throw new UnsupportedOperationException("not implemented yet" + tree + path);
  }
}
