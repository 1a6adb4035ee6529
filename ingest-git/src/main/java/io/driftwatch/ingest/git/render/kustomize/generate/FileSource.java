package io.driftwatch.ingest.git.render.kustomize.generate;

import java.io.IOException;

/** Reads a file a generator names, relative to the kustomization that names it. */
@FunctionalInterface
public interface FileSource {

  /**
   * @throws IOException when the file is missing or unreadable (the message names it)
   */
  byte[] read(String relativePath) throws IOException;
}
