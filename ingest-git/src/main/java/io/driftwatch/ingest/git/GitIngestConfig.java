package io.driftwatch.ingest.git;

import io.driftwatch.ingest.git.repo.GitCredentials;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration of the ingest-git component: which sources to render, where to keep the bare
 * mirrors of their repositories (one {@code <source id>.git} directory per source), and the
 * credentials matched to repository URLs by prefix, for configured and discovered sources alike.
 */
public record GitIngestConfig(
    List<GitSourceConfig> sources, Path workDir, List<GitCredentials> credentials) {

  public GitIngestConfig {
    sources = sources == null ? List.of() : List.copyOf(sources);
    credentials = credentials == null ? List.of() : List.copyOf(credentials);
  }

  /** Sources that need no credentials. */
  public GitIngestConfig(List<GitSourceConfig> sources, Path workDir) {
    this(sources, workDir, List.of());
  }
}
