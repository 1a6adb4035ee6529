package io.driftwatch.ingest.git;

import io.driftwatch.ingest.git.repo.SignatureKeys;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration of the ingest-git component: which sources to render, where to keep the bare
 * mirrors of their repositories (one {@code <source id>.git} directory per source), and which keys
 * make a commit signature {@code VERIFIED} (for every source).
 */
public record GitIngestConfig(
    List<GitSourceConfig> sources, Path workDir, SignatureKeys signatures) {

  public GitIngestConfig {
    sources = sources == null ? List.of() : List.copyOf(sources);
    signatures = signatures == null ? SignatureKeys.NONE : signatures;
  }

  /** Without trusted signature keys. */
  public GitIngestConfig(List<GitSourceConfig> sources, Path workDir) {
    this(sources, workDir, SignatureKeys.NONE);
  }
}
