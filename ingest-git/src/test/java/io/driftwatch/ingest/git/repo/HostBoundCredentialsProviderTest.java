package io.driftwatch.ingest.git.repo;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

class HostBoundCredentialsProviderTest {

  @Test
  void credentialsAreGivenForTheRepositoryHostOnly() throws Exception {
    HostBoundCredentialsProvider provider =
        new HostBoundCredentialsProvider(
            new URIish("https://git.example.com/acme/app.git"), "git", SecretValue.of("t0ken"));

    CredentialItem.Username user = new CredentialItem.Username();
    CredentialItem.Password password = new CredentialItem.Password();
    assertThat(provider.get(new URIish("https://git.example.com/acme/app.git"), user, password))
        .isTrue();
    assertThat(user.getValue()).isEqualTo("git");
    assertThat(new String(password.getValue())).isEqualTo("t0ken");

    CredentialItem.Username elsewhereUser = new CredentialItem.Username();
    CredentialItem.Password elsewherePassword = new CredentialItem.Password();
    assertThat(
            provider.get(
                new URIish("https://attacker.example.net/acme/app.git"),
                elsewhereUser,
                elsewherePassword))
        .isFalse();
    assertThat(elsewherePassword.getValue()).isNull();
    assertThat(provider.otherHost().getHost()).isEqualTo("attacker.example.net");
    assertThat(
            provider.get(
                new URIish("http://git.example.com/acme/app.git"),
                new CredentialItem.Username(),
                new CredentialItem.Password()))
        .as("not over plain http to the same host either")
        .isFalse();
  }

  @Test
  void aSecondChallengeAfterCredentialsWereSentMeansTheyWereRefused() throws Exception {
    URIish uri = new URIish("https://git.example.com/app.git");
    HostBoundCredentialsProvider provider =
        new HostBoundCredentialsProvider(uri, "git", SecretValue.of("t0ken"));

    provider.get(uri, new CredentialItem.Username(), new CredentialItem.Password());
    assertThat(provider.refused()).isFalse();
    provider.reset(uri);
    assertThat(provider.refused()).isTrue();
  }

  @Test
  void withoutCredentialsAChallengeIsRecordedAndAnsweredWithNothing() throws Exception {
    URIish uri = new URIish("https://git.example.com/app.git");
    HostBoundCredentialsProvider provider = new HostBoundCredentialsProvider(uri, null, null);

    assertThat(provider.get(uri, new CredentialItem.Username(), new CredentialItem.Password()))
        .isFalse();
    assertThat(provider.asked()).isTrue();
    assertThat(provider.supplied()).isFalse();
  }
}
