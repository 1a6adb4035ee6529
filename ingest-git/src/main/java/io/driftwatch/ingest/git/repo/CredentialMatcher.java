package io.driftwatch.ingest.git.repo;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the credentials for a repository URL: the entry whose URL is the longest prefix of it, both
 * compared in {@link RepositoryUrls#matchForm}. A prefix matches only at a path boundary, so {@code
 * https://github.com/acme} serves {@code acme/app.git} but not {@code acme-other/app}.
 */
final class CredentialMatcher {

  private CredentialMatcher() {}

  static Optional<GitCredentials> match(List<GitCredentials> credentials, String repositoryUrl) {
    String repository = RepositoryUrls.matchForm(repositoryUrl);
    if (repository == null) {
      return Optional.empty();
    }
    return credentials.stream()
        .filter(c -> matches(RepositoryUrls.matchForm(c.url()), repository))
        .max(Comparator.comparingInt(c -> RepositoryUrls.matchForm(c.url()).length()));
  }

  private static boolean matches(String prefix, String repository) {
    if (prefix == null || !repository.startsWith(prefix)) {
      return false;
    }
    String rest = repository.substring(prefix.length());
    return prefix.endsWith("/") || rest.isEmpty() || rest.startsWith("/") || rest.equals(".git");
  }
}
