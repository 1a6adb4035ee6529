package io.driftwatch.ingest.git.discover;

import io.driftwatch.ingest.git.GitSourceConfig;

/**
 * The fleet source whose rendered objects are being read, with its discovery settings.
 *
 * @param source the configured fleet source
 * @param config what to discover and how to map repositories and clusters
 * @param locator where repositories named by URL are fetched from
 */
record Fleet(GitSourceConfig source, DiscoveryConfig config, RepositoryLocator locator) {

  static Fleet of(GitSourceConfig source, DiscoveryConfig config) {
    return new Fleet(
        source,
        config,
        new RepositoryLocator(source.repository(), config.url(), config.repositories()));
  }

  String id() {
    return source.id();
  }
}
