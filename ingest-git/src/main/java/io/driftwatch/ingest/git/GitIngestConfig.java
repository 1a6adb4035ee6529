package io.driftwatch.ingest.git;

import java.nio.file.Path;
import java.util.List;

/**
 * The configuration of the ingest-git component: which sources to render, where to keep the bare
 * mirrors of their repositories (one {@code <source id>.git} directory per source), and how soon a
 * failing source is tried again.
 */
public record GitIngestConfig(List<GitSourceConfig> sources, Path workDir, RetryBackoff retry) {

  public GitIngestConfig {
    sources = sources == null ? List.of() : List.copyOf(sources);
    retry = retry == null ? RetryBackoff.DEFAULT : retry;
  }

  /** Sources and mirrors with the default retry schedule. */
  public GitIngestConfig(List<GitSourceConfig> sources, Path workDir) {
    this(sources, workDir, RetryBackoff.DEFAULT);
  }
}
