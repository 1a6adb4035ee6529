package io.driftwatch.ingest.git;

import io.driftwatch.ingest.git.discover.DiscoveryConfig;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration of the ingest-git component: which sources to render, where to keep the bare
 * mirrors of their repositories (one {@code <source id>.git} directory per source), how soon a
 * failing source is tried again, and which sources are fleets whose Flux Kustomizations or Argo CD
 * Applications declare more sources.
 *
 * @param fleets discovery settings by the id of a configured source; empty for none
 */
public record GitIngestConfig(
    List<GitSourceConfig> sources,
    Path workDir,
    RetryBackoff retry,
    Map<String, DiscoveryConfig> fleets) {

  public GitIngestConfig {
    sources = sources == null ? List.of() : List.copyOf(sources);
    retry = retry == null ? RetryBackoff.DEFAULT : retry;
    fleets = fleets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fleets));
    for (String fleet : fleets.keySet()) {
      if (sources.stream().noneMatch(s -> s.id().equals(fleet))) {
        throw new IllegalArgumentException(
            "discovery is configured for '" + fleet + "', which is no configured source");
      }
    }
  }

  /** Sources and mirrors with the given retry schedule and no fleets. */
  public GitIngestConfig(List<GitSourceConfig> sources, Path workDir, RetryBackoff retry) {
    this(sources, workDir, retry, Map.of());
  }

  /** Sources and mirrors with the default retry schedule. */
  public GitIngestConfig(List<GitSourceConfig> sources, Path workDir) {
    this(sources, workDir, RetryBackoff.DEFAULT);
  }
}
