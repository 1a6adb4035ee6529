package io.driftwatch.ingest.git;

import io.driftwatch.ingest.git.discover.DiscoveryConfig;
import io.driftwatch.ingest.git.repo.GitCredentials;
import io.driftwatch.ingest.git.repo.SignatureKeys;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration of the ingest-git component: which sources to render, where to keep the bare
 * mirrors of their repositories (one {@code <source id>.git} directory per source), the credentials
 * matched to repository URLs by prefix (for configured and discovered sources alike), how soon a
 * failing source is tried again, which keys make a commit signature {@code VERIFIED} (for every
 * source), and which sources are fleets whose Flux Kustomizations or Argo CD Applications declare
 * more sources.
 *
 * @param credentials null for none
 * @param retry null for {@link RetryBackoff#DEFAULT}
 * @param signatures null for {@link SignatureKeys#NONE}
 * @param fleets discovery settings by the id of a configured source; null or empty for none
 */
public record GitIngestConfig(
    List<GitSourceConfig> sources,
    Path workDir,
    List<GitCredentials> credentials,
    RetryBackoff retry,
    SignatureKeys signatures,
    Map<String, DiscoveryConfig> fleets) {

  public GitIngestConfig {
    sources = sources == null ? List.of() : List.copyOf(sources);
    credentials = credentials == null ? List.of() : List.copyOf(credentials);
    retry = retry == null ? RetryBackoff.DEFAULT : retry;
    signatures = signatures == null ? SignatureKeys.NONE : signatures;
    fleets = fleets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fleets));
    for (String fleet : fleets.keySet()) {
      if (sources.stream().noneMatch(s -> s.id().equals(fleet))) {
        throw new IllegalArgumentException(
            "discovery is configured for '" + fleet + "', which is no configured source");
      }
    }
  }

  /** Sources, mirrors, credentials, retry schedule and signature keys, and no fleets. */
  public GitIngestConfig(
      List<GitSourceConfig> sources,
      Path workDir,
      List<GitCredentials> credentials,
      RetryBackoff retry,
      SignatureKeys signatures) {
    this(sources, workDir, credentials, retry, signatures, null);
  }

  /** Sources that need no credentials, the default retry schedule, no trusted signature keys. */
  public GitIngestConfig(List<GitSourceConfig> sources, Path workDir) {
    this(sources, workDir, null, null, null);
  }
}
