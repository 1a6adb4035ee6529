package io.driftwatch.ingest.git.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialMatcherTest {

  private static GitCredentials basic(String url) {
    return new GitCredentials.Basic(
        url, null, new SecretSource.File("passwordFile", Path.of("/t")));
  }

  private static GitCredentials ssh(String url) {
    return new GitCredentials.SshKey(
        url, null, Path.of("/k"), Optional.empty(), Path.of("/known_hosts"));
  }

  private static Optional<String> matched(List<GitCredentials> all, String repository) {
    return CredentialMatcher.match(all, repository).map(GitCredentials::url);
  }

  @Test
  void theLongestMatchingPrefixWins() {
    List<GitCredentials> all =
        List.of(
            basic("https://github.com/"),
            basic("https://github.com/acme/"),
            basic("https://github.com/acme/secret-app"));

    assertThat(matched(all, "https://github.com/acme/secret-app.git"))
        .contains("https://github.com/acme/secret-app");
    assertThat(matched(all, "https://github.com/acme/shop.git"))
        .contains("https://github.com/acme/");
    assertThat(matched(all, "https://github.com/other/x")).contains("https://github.com/");
  }

  @Test
  void aPrefixMatchesOnlyAtAPathBoundary() {
    List<GitCredentials> all = List.of(basic("https://github.com/acme"));

    assertThat(matched(all, "https://github.com/acme/app")).contains("https://github.com/acme");
    assertThat(matched(all, "https://github.com/acme-evil/app")).isEmpty();
  }

  @Test
  void schemeAndHostAreCaseInsensitiveAndUserInfoAndDefaultPortsAreIgnored() {
    List<GitCredentials> all = List.of(basic("HTTPS://GitHub.com:443/acme/"));

    assertThat(matched(all, "https://bob@github.com/acme/app.git")).isPresent();
    assertThat(matched(all, "https://github.com/ACME/app.git"))
        .as("paths are case-sensitive")
        .isEmpty();
  }

  @Test
  void httpsCredentialsNeverMatchPlainHttpOrSsh() {
    List<GitCredentials> all = List.of(basic("https://git.example.com/"));

    assertThat(matched(all, "http://git.example.com/app.git")).isEmpty();
    assertThat(matched(all, "ssh://git@git.example.com/app.git")).isEmpty();
  }

  @Test
  void sshCredentialsMatchScpLikeUrlsAndSshUrlsAlike() {
    List<GitCredentials> all = List.of(ssh("ssh://git@github.com/acme/"));

    assertThat(matched(all, "git@github.com:acme/app.git")).contains("ssh://git@github.com/acme/");
    assertThat(matched(all, "ssh://git@github.com:22/acme/app.git")).isPresent();
    assertThat(matched(all, "ssh://git@github.com:2222/acme/app.git")).isEmpty();
    assertThat(matched(all, "git@gitlab.com:acme/app.git")).isEmpty();
  }

  @Test
  void localPathsAndFileUrlsMatchNothing() {
    List<GitCredentials> all = List.of(basic("https://github.com/"), ssh("ssh://github.com/"));

    assertThat(matched(all, "/srv/git/app")).isEmpty();
    assertThat(matched(all, "file:///srv/git/app")).isEmpty();
    assertThat(matched(all, "C:/git/app")).isEmpty();
  }
}
