package io.driftwatch.ingest.git;

import io.driftwatch.ingest.git.repo.SignatureKeys;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration of the ingest-git component: which sources to render, where to keep the bare
 * mirrors of their repositories (one {@code <source id>.git} directory per source), how soon a
 * failing source is tried again, and which keys make a commit signature {@code VERIFIED} (for every
 * source).
 *
 * @param retry null for {@link RetryBackoff#DEFAULT}
 * @param signatures null for {@link SignatureKeys#NONE}
 */
public record GitIngestConfig(
    List<GitSourceConfig> sources, Path workDir, RetryBackoff retry, SignatureKeys signatures) {

  public GitIngestConfig {
    sources = sources == null ? List.of() : List.copyOf(sources);
    retry = retry == null ? RetryBackoff.DEFAULT : retry;
    signatures = signatures == null ? SignatureKeys.NONE : signatures;
  }

  /** Sources and mirrors with the default retry schedule and no trusted signature keys. */
  public GitIngestConfig(List<GitSourceConfig> sources, Path workDir) {
    this(sources, workDir, null, null);
  }
}
