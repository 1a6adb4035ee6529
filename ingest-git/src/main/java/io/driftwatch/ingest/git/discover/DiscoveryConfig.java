package io.driftwatch.ingest.git.discover;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Marks a configured source as a fleet and says how to read the sources it declares. The launcher
 * maps it from the {@code discover:} block of a source and validates it.
 *
 * @param flux derive sources from Flux {@code Kustomization}s
 * @param argo derive sources from Argo CD {@code Application}s
 * @param url the URL Flux and Argo CD objects use for the fleet's own repository (its upstream), so
 *     that a GitRepository or Application naming it is read from the fleet's repository; null when
 *     the fleet's {@code repository} is that URL already
 * @param repositories URL prefix to where driftwatch fetches repositories under it (a local path or
 *     a URL): local mirrors for tests and air-gapped sites
 * @param clusters an Argo CD destination (server URL or name) or a Flux {@code spec.kubeConfig}
 *     Secret or ConfigMap name, to the driftwatch cluster it means; the fleet's own cluster needs
 *     no entry
 * @param defaultBranch the branch Argo CD's {@code targetRevision: HEAD} (or none) stands for
 */
public record DiscoveryConfig(
    boolean flux,
    boolean argo,
    String url,
    Map<String, String> repositories,
    Map<String, String> clusters,
    String defaultBranch) {

  public static final String DEFAULT_BRANCH = "main";

  public DiscoveryConfig {
    url = url == null || url.isBlank() ? null : url.strip();
    repositories =
        repositories == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(repositories));
    clusters =
        clusters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(clusters));
    defaultBranch =
        defaultBranch == null || defaultBranch.isBlank() ? DEFAULT_BRANCH : defaultBranch.strip();
  }

  /** Flux and/or Argo CD discovery with no mappings. */
  public static DiscoveryConfig of(boolean flux, boolean argo) {
    return new DiscoveryConfig(flux, argo, null, Map.of(), Map.of(), null);
  }
}
