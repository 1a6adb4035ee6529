package io.driftwatch.ingest.git.render;

import java.io.IOException;
import java.util.List;

/**
 * Read-only view of the files of one commit, as renderers see it. Renderers never touch a working
 * copy: ingest-git reads blobs straight from the object database, and a kustomize renderer can
 * follow {@code ../base} references through the same view.
 */
public interface SourceTree {

  /** True when {@code path} names a directory at this commit; {@code ""} is the root. */
  boolean isDirectory(String path) throws IOException;

  /**
   * Repository-relative paths of every regular file under {@code directory}, recursively, in Git's
   * tree order (which is stable, so "first declared" means the same thing on every poll).
   */
  List<String> files(String directory) throws IOException;

  /**
   * The bytes of one file.
   *
   * @throws FileTooLargeException when the file is larger than {@code maxBytes}; nothing is read
   */
  byte[] read(String path, long maxBytes) throws IOException;
}
