package io.driftwatch.ingest.git.repo;

import io.driftwatch.ingest.git.repo.GitSourceException.Reason;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.URIish;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication for one repository: picks its {@link GitCredentials}, reads their files afresh for
 * every fetch (so a rotated Secret mount is picked up), hands them to JGit, and afterwards tells a
 * refused credential from an unreachable host. HTTPS gets a user name and password that are sent
 * only to the repository's host; SSH gets only the configured key and known_hosts file. An SSH URL
 * without credentials fails before connecting, so nothing from {@code ~/.ssh} is ever used.
 */
final class TransportAuth {

  private static final Logger LOG = LoggerFactory.getLogger(TransportAuth.class);

  private final String repositoryUrl;
  private final String remote;
  private final String matchForm;
  private final String scheme;
  private final Optional<GitCredentials> credentials;
  private final Path emptyHome;
  private boolean warnedPlainHttp;
  private final CredentialFiles files = new CredentialFiles();
  private final FetchFailureClassifier classifier;

  /**
   * @param remote the URL or absolute path JGit fetches from
   * @param emptyHome a path that stands in for the user's home directory for SSH; never read
   */
  TransportAuth(String repositoryUrl, String remote, List<GitCredentials> all, Path emptyHome) {
    this.repositoryUrl = repositoryUrl;
    this.matchForm = RepositoryUrls.matchForm(remote);
    this.scheme = matchForm == null ? "" : matchForm.substring(0, matchForm.indexOf(':'));
    this.credentials = CredentialMatcher.match(all, remote);
    this.remote = scheme.equals("ssh") ? withSshUser(remote, credentials) : remote;
    this.emptyHome = emptyHome;
    this.classifier =
        new FetchFailureClassifier(repositoryUrl, this.remote, matchForm, credentials);
  }

  /** The URL to fetch from: the configured one, with the SSH user added when it names none. */
  String remote() {
    return remote;
  }

  /** Reads the credentials as they are now and prepares one fetch with them. */
  Attempt begin() throws FetchProblem {
    try {
      return switch (scheme) {
        case "http", "https" -> http();
        case "ssh" -> ssh();
        default -> new Attempt(null, null);
      };
    } catch (IllegalArgumentException e) {
      throw new FetchProblem(Reason.OTHER, e.getMessage());
    }
  }

  /** Why a fetch prepared by {@link #begin()} failed, with the fix. */
  FetchProblem failure(Attempt attempt, Throwable e) {
    return classifier.classify(attempt, e);
  }

  private Attempt http() throws FetchProblem {
    URIish uri = uri(remote);
    if (credentials.isEmpty()) {
      // User and password written into the URL itself still work, as they would with git.
      boolean inUrl = uri.getUser() != null && uri.getPass() != null;
      return new Attempt(
          new HostBoundCredentialsProvider(
              uri, inUrl ? uri.getUser() : null, inUrl ? SecretValue.of(uri.getPass()) : null),
          null);
    }
    if (!(credentials.get() instanceof GitCredentials.Basic basic)) {
      throw new FetchProblem(
          Reason.AUTH,
          credentials.get().describe()
              + " holds an SSH key, but the repository is fetched over "
              + scheme
              + "; give it passwordFile or passwordEnv instead, or fetch the repository over SSH");
    }
    SecretValue password = CredentialFiles.secret(basic.password(), basic);
    if (scheme.equals("http") && !warnedPlainHttp) {
      warnedPlainHttp = true;
      LOG.warn(
          "Repository {} is fetched over plain http:// with the credentials from {}: anyone on"
              + " the network path can read them; use https://",
          RepositoryUrls.redact(repositoryUrl),
          basic.describe());
    }
    return new Attempt(new HostBoundCredentialsProvider(uri, basic.username(), password), null);
  }

  private Attempt ssh() throws FetchProblem {
    if (credentials.isEmpty()) {
      throw new FetchProblem(
          Reason.AUTH,
          "no gitCredentials entry matches this SSH repository; add one whose url is a prefix of "
              + matchForm
              + ", with sshKeyFile and knownHostsFile (driftwatch never uses ~/.ssh or an"
              + " ssh-agent)");
    }
    if (!(credentials.get() instanceof GitCredentials.SshKey key)) {
      throw new FetchProblem(
          Reason.AUTH,
          credentials.get().describe()
              + " holds a password, but the repository is fetched over SSH; give it sshKeyFile"
              + " and knownHostsFile instead, or fetch the repository over HTTPS");
    }
    if (!Files.isRegularFile(key.knownHostsFile()) || !Files.isReadable(key.knownHostsFile())) {
      throw new FetchProblem(
          Reason.AUTH,
          "knownHostsFile "
              + key.knownHostsFile()
              + " of "
              + key.describe()
              + " is not a readable file; create it with `"
              + FetchFailureClassifier.keyscan(remote, key.knownHostsFile(), ">")
              + "` and compare the fingerprints with those the Git host publishes");
    }
    return new Attempt(
        null, new PinnedSshSessionFactory(files.sshKeys(key), key.knownHostsFile(), emptyHome));
  }

  static URIish uri(String url) {
    try {
      return new URIish(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "the repository URL is not valid (" + e.getReason() + "); write scheme://host/path");
    }
  }

  /** SSH logs in as the URL's user; when it names none, as the entry's (default git). */
  private static String withSshUser(String url, Optional<GitCredentials> credentials) {
    String user =
        credentials
            .filter(GitCredentials.SshKey.class::isInstance)
            .map(c -> ((GitCredentials.SshKey) c).username())
            .orElse(GitCredentials.DEFAULT_USERNAME);
    int scheme = url.indexOf("://");
    if (scheme >= 0) {
      String rest = url.substring(scheme + 3);
      int slash = rest.indexOf('/');
      String authority = slash < 0 ? rest : rest.substring(0, slash);
      return authority.contains("@") ? url : url.substring(0, scheme + 3) + user + "@" + rest;
    }
    int colon = url.indexOf(':');
    return url.substring(0, colon).contains("@") ? url : user + "@" + url;
  }

  /** What one fetch was given: an HTTP credentials provider or an SSH session factory, or none. */
  record Attempt(HostBoundCredentialsProvider http, PinnedSshSessionFactory ssh)
      implements AutoCloseable {

    void configure(FetchCommand fetch) {
      if (http != null) {
        fetch.setCredentialsProvider(http);
      }
      if (ssh != null) {
        fetch.setTransportConfigCallback(
            transport -> {
              if (transport instanceof SshTransport sshTransport) {
                sshTransport.setSshSessionFactory(ssh);
              }
            });
      }
    }

    @Override
    public void close() {
      if (ssh != null) {
        ssh.close();
      }
    }
  }
}
