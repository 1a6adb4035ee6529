package io.driftwatch.ingest.git.render;

import java.io.IOException;

/** A file was refused before reading because it is larger than the renderer accepts. */
public final class FileTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  public FileTooLargeException(String path, long size, long maxBytes) {
    super(path + " is " + size + " bytes, more than the " + maxBytes + " bytes a file may have");
  }
}
