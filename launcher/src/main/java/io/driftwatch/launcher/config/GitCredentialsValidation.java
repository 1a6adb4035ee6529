package io.driftwatch.launcher.config;

import io.driftwatch.ingest.git.repo.GitCredentials;
import io.driftwatch.ingest.git.repo.RepositoryUrls;
import io.driftwatch.ingest.git.repo.SecretSource;
import io.driftwatch.ingest.git.repo.SecretValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns {@code gitCredentials[]} into {@link GitCredentials}: one kind per entry (HTTPS password or
 * SSH key) chosen by its URL, exactly one source for each secret, files that exist, environment
 * variables that are set. Secret files are only checked here; ingest-git reads them at each fetch.
 * Problems name the key and say what to write; they never include a secret value.
 */
final class GitCredentialsValidation {

  private static final String KEYS_HTTP = "passwordFile or passwordEnv";
  private static final String KEYS_SSH = "sshKeyFile and knownHostsFile";

  private final List<ConfigFile.GitCredential> declared;
  private final Map<String, String> env;
  private final Function<String, Path> resolve;
  private final List<String> problems;

  /**
   * @param resolve makes a path from the file absolute, as every other path in the file
   * @param problems where each problem is added
   */
  GitCredentialsValidation(
      List<ConfigFile.GitCredential> declared,
      Map<String, String> env,
      Function<String, Path> resolve,
      List<String> problems) {
    this.declared = declared == null ? List.of() : declared;
    this.env = env;
    this.resolve = resolve;
    this.problems = problems;
  }

  List<GitCredentials> result() {
    List<GitCredentials> out = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < declared.size(); i++) {
      String at = "gitCredentials[" + i + "]";
      ConfigFile.GitCredential c = declared.get(i);
      if (c == null) {
        problems.add(at + ": empty entry; remove it or give it a url and credentials");
        continue;
      }
      if (blank(c.url())) {
        problems.add(
            at
                + ".url: required; the URL prefix of the repositories these credentials are for,"
                + " e.g. https://github.com/acme/ or ssh://git@github.com/acme/");
        continue;
      }
      String url = c.url().strip();
      String form = RepositoryUrls.matchForm(url);
      String scheme = form == null ? "" : form.substring(0, form.indexOf(':'));
      if (!List.of("https", "http", "ssh").contains(scheme)) {
        problems.add(
            at
                + ".url: '"
                + RepositoryUrls.redact(url)
                + "' is not an https://, http:// or ssh:// URL (or git@host:org/); write the"
                + " prefix of the repository URLs, e.g. https://github.com/acme/");
        continue;
      }
      if (url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@]*:[^/@]*@.*")) {
        problems.add(
            at + ".url: holds a password; write it without one and put the secret in " + KEYS_HTTP);
        continue;
      }
      String first = seen.putIfAbsent(form, at);
      if (first != null) {
        problems.add(at + ".url: '" + url + "' is already declared by " + first);
        continue;
      }
      GitCredentials credentials = scheme.equals("ssh") ? ssh(at, url, c) : http(at, url, c);
      if (credentials != null) {
        out.add(credentials);
      }
    }
    return out;
  }

  private GitCredentials http(String at, String url, ConfigFile.GitCredential c) {
    int before = problems.size();
    forbid(at, "sshKeyFile", c.sshKeyFile(), KEYS_HTTP);
    forbid(at, "sshKeyPassphraseFile", c.sshKeyPassphraseFile(), KEYS_HTTP);
    forbid(at, "sshKeyPassphraseEnv", c.sshKeyPassphraseEnv(), KEYS_HTTP);
    forbid(at, "knownHostsFile", c.knownHostsFile(), KEYS_HTTP);
    Optional<SecretSource> password =
        secret(at, "passwordFile", c.passwordFile(), "passwordEnv", c.passwordEnv());
    if (password.isEmpty() && blank(c.passwordFile()) && blank(c.passwordEnv())) {
      problems.add(
          at
              + ": an "
              + url.substring(0, url.indexOf(':'))
              + " URL needs "
              + KEYS_HTTP
              + " (the token or password; username defaults to "
              + GitCredentials.DEFAULT_USERNAME
              + ")");
    }
    return problems.size() > before || password.isEmpty()
        ? null
        : new GitCredentials.Basic(url, c.username(), password.get());
  }

  private GitCredentials ssh(String at, String url, ConfigFile.GitCredential c) {
    int before = problems.size();
    forbid(at, "passwordFile", c.passwordFile(), KEYS_SSH);
    forbid(at, "passwordEnv", c.passwordEnv(), KEYS_SSH);
    Path key = file(at + ".sshKeyFile", c.sshKeyFile(), "the private key, e.g. ~/.ssh/id_ed25519");
    Path knownHosts =
        file(
            at + ".knownHostsFile",
            c.knownHostsFile(),
            "the host keys to trust; create it with `ssh-keyscan <host> > known_hosts` and compare"
                + " the fingerprints with those the Git host publishes (unknown hosts are refused)");
    Optional<SecretSource> passphrase =
        secret(
            at,
            "sshKeyPassphraseFile",
            c.sshKeyPassphraseFile(),
            "sshKeyPassphraseEnv",
            c.sshKeyPassphraseEnv());
    return problems.size() > before
        ? null
        : new GitCredentials.SshKey(url, c.username(), key, passphrase, knownHosts);
  }

  /** At most one of the two keys; a file must be readable, a variable set and not empty. */
  private Optional<SecretSource> secret(
      String at, String fileKey, String file, String envKey, String variable) {
    if (!blank(file) && !blank(variable)) {
      problems.add(at + ": set either " + fileKey + " or " + envKey + ", not both");
      return Optional.empty();
    }
    if (!blank(file)) {
      Path path = file(at + "." + fileKey, file, "");
      return Optional.ofNullable(path).map(p -> new SecretSource.File(fileKey, p));
    }
    if (!blank(variable)) {
      String name = variable.strip();
      String value = env.get(name);
      if (value == null || value.isEmpty()) {
        problems.add(
            at
                + "."
                + envKey
                + ": the environment variable "
                + name
                + " is not set or empty; set it, or use "
                + fileKey);
        return Optional.empty();
      }
      return Optional.of(new SecretSource.Env(envKey, name, SecretValue.of(value)));
    }
    return Optional.empty();
  }

  private Path file(String key, String value, String hint) {
    if (blank(value)) {
      problems.add(key + ": required; " + hint);
      return null;
    }
    Path path = resolve.apply(value);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      problems.add(
          key
              + ": "
              + path
              + " is not a readable file; mount it there (e.g. from a Kubernetes Secret) or fix"
              + " the path");
      return null;
    }
    return path;
  }

  private void forbid(String at, String key, String value, String instead) {
    if (!blank(value)) {
      problems.add(
          at
              + "."
              + key
              + ": does not apply to this URL's scheme; "
              + (instead.equals(KEYS_SSH) ? "an ssh URL takes " : "an https URL takes ")
              + instead);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
