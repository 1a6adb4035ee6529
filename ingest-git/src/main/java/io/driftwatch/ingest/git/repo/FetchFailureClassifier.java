package io.driftwatch.ingest.git.repo;

import io.driftwatch.ingest.git.repo.GitSourceException.Reason;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.transport.URIish;

/**
 * Says why a fetch failed and what fixes it, from what the fetch's credentials provider or SSH host
 * key verifier saw and from the library exception: a refused or missing credential, a host key that
 * is unknown or changed, an unreachable host, or something else. Messages name the credentials
 * entry and where its secret comes from, never the secret.
 */
final class FetchFailureClassifier {

  private final String repositoryUrl;
  private final String remote;
  private final String matchForm;
  private final Optional<GitCredentials> credentials;

  FetchFailureClassifier(
      String repositoryUrl, String remote, String matchForm, Optional<GitCredentials> credentials) {
    this.repositoryUrl = repositoryUrl;
    this.remote = remote;
    this.matchForm = matchForm;
    this.credentials = credentials;
  }

  /** Why a fetch prepared by {@link TransportAuth#begin()} failed, with the fix. */
  FetchProblem classify(TransportAuth.Attempt attempt, Throwable e) {
    String detail = RepositoryUrls.redactMessage(FetchFailures.messageOf(e), repositoryUrl);
    String entry = credentials.map(GitCredentials::describe).orElse(null);
    if (attempt.ssh() != null) {
      KnownHostsVerifier verifier = attempt.ssh().verifier();
      if (verifier != null && verifier.rejection() != null) {
        return new FetchProblem(Reason.AUTH, hostKeyRefused(verifier, entry));
      }
      if (FetchFailures.sshAuthenticationRefused(e)) {
        GitCredentials.SshKey key = (GitCredentials.SshKey) credentials.orElseThrow();
        return new FetchProblem(
            Reason.AUTH,
            "the SSH server refused the key in sshKeyFile "
                + key.keyFile()
                + " ("
                + entry
                + "); register its public key with read access to the repository (for example"
                + " as a deploy key), or point sshKeyFile at a key that has it");
      }
    }
    HostBoundCredentialsProvider http = attempt.http();
    if (http != null && http.otherHost() != null) {
      return new FetchProblem(
          Reason.AUTH,
          "the server redirected to "
              + http.otherHost().getHost()
              + ", which asked for credentials; they are sent only to the host of the repository"
              + " URL: configure the URL the redirect points to");
    }
    if (http != null && http.refused()) {
      return new FetchProblem(
          Reason.AUTH,
          "the server refused the credentials from "
              + credentialSource()
              + "; check that the token or password is valid, not expired, and allowed to read"
              + " this repository");
    }
    if (http != null && http.asked() && !http.supplied()) {
      return new FetchProblem(
          Reason.AUTH,
          "the server requires authentication and no gitCredentials entry matches this"
              + " repository; add one whose url is a prefix of "
              + matchForm
              + ", with passwordFile or passwordEnv");
    }
    if (FetchFailures.forbidden(e)) {
      return new FetchProblem(
          Reason.AUTH,
          "the server forbids fetching this repository (HTTP 403) "
              + (entry == null ? "without credentials" : "with the credentials from " + entry)
              + "; grant read access or use credentials that have it: "
              + detail);
    }
    if (FetchFailures.notFound(e) && (http != null || attempt.ssh() != null)) {
      boolean identified = attempt.ssh() != null || (http != null && http.supplied());
      return new FetchProblem(
          identified ? Reason.AUTH : Reason.UNREACHABLE,
          "the server has no repository at this URL"
              + (identified
                  ? " that the credentials from " + entry + " may read"
                  : " (a private repository needs a gitCredentials entry)")
              + "; check the URL and the access rights: "
              + detail);
    }
    if (FetchFailures.unreachable(e)) {
      return new FetchProblem(
          Reason.UNREACHABLE,
          "cannot fetch the repository: "
              + detail
              + " (check the URL, name resolution, and network access to the host)");
    }
    return new FetchProblem(Reason.OTHER, "cannot fetch the repository: " + detail);
  }

  private String credentialSource() {
    return credentials
        .map(
            c ->
                c instanceof GitCredentials.Basic b
                    ? c.describe()
                        + " (user '"
                        + b.username()
                        + "', password from "
                        + b.password().describe()
                        + ")"
                    : c.describe())
        .orElse("the repository URL");
  }

  private String hostKeyRefused(KnownHostsVerifier verifier, String entry) {
    KnownHostsVerifier.Rejection r = verifier.rejection();
    String key = r.keyType() + " " + r.fingerprint();
    String where = r.port() == 22 ? r.host() : "[" + r.host() + "]:" + r.port();
    if (r.changed()) {
      return "the SSH host key of "
          + where
          + " ("
          + key
          + ") does not match the one knownHostsFile "
          + verifier.knownHostsFile()
          + " of "
          + entry
          + " holds for it: the host was re-keyed or the connection is intercepted; compare the"
          + " fingerprint with the one the Git host publishes, then replace its line in the file";
    }
    return "the SSH host key of "
        + where
        + " ("
        + key
        + ") is not in knownHostsFile "
        + verifier.knownHostsFile()
        + " of "
        + entry
        + "; if it is the fingerprint the Git host publishes, add the key with `"
        + keyscan(remote, verifier.knownHostsFile(), ">>")
        + "`";
  }

  /** The command that appends (or, with {@code >}, writes) the host's keys to the file. */
  static String keyscan(String remote, Path knownHosts, String redirect) {
    URIish uri = TransportAuth.uri(remote);
    String port = uri.getPort() > 0 && uri.getPort() != 22 ? "-p " + uri.getPort() + " " : "";
    return "ssh-keyscan " + port + uri.getHost() + " " + redirect + " " + knownHosts;
  }
}
