package io.driftwatch.ingest.git.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSourceTest {

  @TempDir Path dir;

  @Test
  void aFileIsReadAgainEachTimeSoARotatedSecretIsSeen() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "first\n");
    SecretSource source = new SecretSource.File("passwordFile", token);

    assertThat(source.read().reveal()).isEqualTo("first");
    Files.writeString(token, "second\r\n");
    assertThat(source.read().reveal()).isEqualTo("second");
  }

  @Test
  void onlyTrailingLineBreaksAreRemoved() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), " pass word \n\n");

    assertThat(new SecretSource.File("passwordFile", token).read().reveal())
        .isEqualTo(" pass word ");
  }

  @Test
  void noStringFormOfCredentialsShowsTheSecret() {
    SecretSource env = new SecretSource.Env("passwordEnv", "GIT_TOKEN", SecretValue.of("s3cr3t"));
    GitCredentials basic = new GitCredentials.Basic("https://github.com/acme/", null, env);
    GitCredentials ssh =
        new GitCredentials.SshKey(
            "ssh://git@github.com/acme/",
            null,
            Path.of("/k"),
            Optional.of(
                new SecretSource.Env(
                    "sshKeyPassphraseEnv", "KEY_PASSPHRASE", SecretValue.of("p4ss"))),
            Path.of("/known_hosts"));

    assertThat(env.toString() + basic + ssh + SecretValue.of("s3cr3t"))
        .doesNotContain("s3cr3t")
        .doesNotContain("p4ss")
        .contains("GIT_TOKEN", "KEY_PASSPHRASE", "***");
    assertThat(env.describe()).isEqualTo("passwordEnv GIT_TOKEN");
  }

  @Test
  void aTokenWithoutAUserNameIsSentAsUserGit() {
    GitCredentials.Basic basic =
        new GitCredentials.Basic(
            "https://github.com/", " ", new SecretSource.File("passwordFile", Path.of("/t")));

    assertThat(basic.username()).isEqualTo("git");
  }
}
