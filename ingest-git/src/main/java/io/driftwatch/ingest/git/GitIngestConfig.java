package io.driftwatch.ingest.git;

import java.nio.file.Path;
import java.util.List;

/**
 * The configuration of the ingest-git component: which sources to render and where to keep the bare
 * mirrors of their repositories (one {@code <source id>.git} directory per source).
 */
public record GitIngestConfig(List<GitSourceConfig> sources, Path workDir) {

  public GitIngestConfig {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }
}
