package io.driftwatch.ingest.git.repo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepositoryUrlsTest {

  @Test
  void httpUserInfoIsRedactedWholeBecauseAUserAloneMayBeAToken() {
    assertThat(RepositoryUrls.redact("https://user:s3cret@git.example.com/org/repo.git"))
        .isEqualTo("https://***@git.example.com/org/repo.git");
    assertThat(RepositoryUrls.redact("https://ghp_token@github.com/org/repo"))
        .isEqualTo("https://***@github.com/org/repo");
  }

  @Test
  void anSshUserNameIsKeptButAnSshPasswordIsNot() {
    assertThat(RepositoryUrls.redact("ssh://git@github.com/org/repo"))
        .isEqualTo("ssh://git@github.com/org/repo");
    assertThat(RepositoryUrls.redact("ssh://git:pw@github.com/org/repo"))
        .isEqualTo("ssh://***@github.com/org/repo");
    assertThat(RepositoryUrls.redact("git@github.com:org/repo.git"))
        .isEqualTo("git@github.com:org/repo.git");
  }

  @Test
  void everyUrlInALibraryMessageIsRedacted() {
    assertThat(
            RepositoryUrls.redactMessage(
                "https://user:s3cret@host/r: not authorized", "https://user:s3cret@host/r"))
        .isEqualTo("https://***@host/r: not authorized");
    assertThat(RepositoryUrls.redactMessage("fetch https://a:b@x/y then https://c@z/w", null))
        .isEqualTo("fetch https://***@x/y then https://***@z/w");
  }

  @Test
  void matchFormIsSchemeHostPortPath() {
    assertThat(RepositoryUrls.matchForm("HTTPS://u:p@GitHub.COM:443/Acme/app.git"))
        .isEqualTo("https://github.com/Acme/app.git");
    assertThat(RepositoryUrls.matchForm("http://127.0.0.1:8080/private/app"))
        .isEqualTo("http://127.0.0.1:8080/private/app");
    assertThat(RepositoryUrls.matchForm("git@github.com:acme/app.git"))
        .isEqualTo("ssh://github.com/acme/app.git");
    assertThat(RepositoryUrls.matchForm("ssh://git@[::1]:2222/app"))
        .isEqualTo("ssh://[::1]:2222/app");
    assertThat(RepositoryUrls.matchForm("/srv/git/app")).isNull();
    assertThat(RepositoryUrls.matchForm("file:///srv/git/app")).isNull();
  }
}
