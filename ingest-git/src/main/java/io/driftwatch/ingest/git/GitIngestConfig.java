package io.driftwatch.ingest.git;

import io.driftwatch.ingest.git.repo.GitCredentials;
import io.driftwatch.ingest.git.repo.SignatureKeys;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration of the ingest-git component: which sources to render, where to keep the bare
 * mirrors of their repositories (one {@code <source id>.git} directory per source), the credentials
 * matched to repository URLs by prefix (for configured and discovered sources alike), how soon a
 * failing source is tried again, and which keys make a commit signature {@code VERIFIED} (for every
 * source).
 *
 * @param credentials null for none
 * @param retry null for {@link RetryBackoff#DEFAULT}
 * @param signatures null for {@link SignatureKeys#NONE}
 */
public record GitIngestConfig(
    List<GitSourceConfig> sources,
    Path workDir,
    List<GitCredentials> credentials,
    RetryBackoff retry,
    SignatureKeys signatures) {

  public GitIngestConfig {
    sources = sources == null ? List.of() : List.copyOf(sources);
    credentials = credentials == null ? List.of() : List.copyOf(credentials);
    retry = retry == null ? RetryBackoff.DEFAULT : retry;
    signatures = signatures == null ? SignatureKeys.NONE : signatures;
  }

  /** Sources that need no credentials, the default retry schedule, no trusted signature keys. */
  public GitIngestConfig(List<GitSourceConfig> sources, Path workDir) {
    this(sources, workDir, null, null, null);
  }
}
