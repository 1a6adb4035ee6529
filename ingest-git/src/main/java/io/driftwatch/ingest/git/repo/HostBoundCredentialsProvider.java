package io.driftwatch.ingest.git.repo;

import java.util.Locale;
import java.util.Objects;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

/**
 * Answers JGit's HTTP authentication challenges for one fetch with one user name and password, and
 * only for the scheme, host and port of the repository: after a redirect to another host it gives
 * nothing, so a token never leaves the host it was configured for. It remembers whether the server
 * asked and whether it refused what was sent, which is how a failed fetch is recognised as AUTH.
 */
final class HostBoundCredentialsProvider extends CredentialsProvider {

  private final URIish repository;
  private final String username;
  private final SecretValue password;
  private boolean asked;
  private boolean supplied;
  private boolean refused;
  private URIish otherHost;

  /**
   * @param username null when no credentials are configured: every challenge is then answered with
   *     nothing, and recorded
   */
  HostBoundCredentialsProvider(URIish repository, String username, SecretValue password) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.username = username;
    this.password = password;
  }

  @Override
  public boolean isInteractive() {
    return false;
  }

  @Override
  public boolean supports(CredentialItem... items) {
    for (CredentialItem item : items) {
      if (!(item instanceof CredentialItem.Username)
          && !(item instanceof CredentialItem.Password)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean get(URIish uri, CredentialItem... items) {
    asked = true;
    if (!sameOrigin(uri)) {
      otherHost = uri;
      return false;
    }
    if (username == null || !supports(items)) {
      return false;
    }
    for (CredentialItem item : items) {
      if (item instanceof CredentialItem.Username u) {
        u.setValue(username);
      } else if (item instanceof CredentialItem.Password p) {
        p.setValue(password.reveal().toCharArray());
      }
    }
    supplied = true;
    return true;
  }

  /** JGit resets before it asks again: what it was given before was refused. */
  @Override
  public void reset(URIish uri) {
    if (supplied) {
      refused = true;
    }
  }

  /** The server asked for credentials (HTTP 401) at least once. */
  boolean asked() {
    return asked;
  }

  /** Credentials were sent. */
  boolean supplied() {
    return supplied;
  }

  /** Credentials were sent and the server asked again: it did not accept them. */
  boolean refused() {
    return refused;
  }

  /** The other host a redirect led to, where no credentials were sent; null if none. */
  URIish otherHost() {
    return otherHost;
  }

  private boolean sameOrigin(URIish uri) {
    return lower(uri.getScheme()).equals(lower(repository.getScheme()))
        && lower(uri.getHost()).equals(lower(repository.getHost()))
        && uri.getPort() == repository.getPort();
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
