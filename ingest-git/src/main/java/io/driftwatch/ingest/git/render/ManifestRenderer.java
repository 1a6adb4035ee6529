package io.driftwatch.ingest.git.render;

import java.io.IOException;

/**
 * Turns the files under one directory of a commit into Kubernetes objects. Implementations are pure
 * functions of the tree: the same commit and path always render the same result. A problem with one
 * file is a {@link RenderError} in the result; an exception means the tree itself could not be
 * read.
 */
public interface ManifestRenderer {

  /**
   * Renders the directory {@code path} ({@code ""} for the root) of {@code tree}.
   *
   * @throws IOException when the commit's objects cannot be read
   */
  RenderResult render(SourceTree tree, String path) throws IOException;
}
