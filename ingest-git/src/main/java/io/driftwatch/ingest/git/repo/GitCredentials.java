package io.driftwatch.ingest.git.repo;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials for every repository whose URL starts with {@link #url()}, like Argo CD's credential
 * templates: they apply to configured and discovered sources alike, and the longest matching prefix
 * wins. The launcher validates them; secrets are held as {@link SecretSource}s, so the records
 * print no secret.
 */
public sealed interface GitCredentials {

  /** The user name sent with a token when none is configured; GitHub and GitLab accept any. */
  String DEFAULT_USERNAME = "git";

  /** The URL prefix as configured, e.g. {@code https://github.com/acme/}. */
  String url();

  /** How messages name this entry: {@code gitCredentials entry 'https://github.com/acme/'}. */
  default String describe() {
    return "gitCredentials entry '" + url() + "'";
  }

  /** HTTP(S) Basic authentication: a user name and a password or access token. */
  record Basic(String url, String username, SecretSource password) implements GitCredentials {
    public Basic {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(password, "password");
      username = username == null || username.isBlank() ? DEFAULT_USERNAME : username.strip();
    }
  }

  /**
   * SSH public-key authentication with one private key, and the host keys to trust.
   *
   * @param username the SSH user when the repository URL names none (default {@code git})
   * @param keyFile an OpenSSH or PEM private key, read at every fetch
   * @param passphrase the key's passphrase, when it is encrypted
   * @param knownHostsFile the only host keys trusted; an unknown or changed key is refused
   */
  record SshKey(
      String url,
      String username,
      Path keyFile,
      Optional<SecretSource> passphrase,
      Path knownHostsFile)
      implements GitCredentials {
    public SshKey {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(keyFile, "keyFile");
      Objects.requireNonNull(knownHostsFile, "knownHostsFile");
      passphrase = passphrase == null ? Optional.empty() : passphrase;
      username = username == null || username.isBlank() ? DEFAULT_USERNAME : username.strip();
    }
  }
}
