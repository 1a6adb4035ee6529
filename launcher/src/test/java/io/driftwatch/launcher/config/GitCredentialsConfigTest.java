package io.driftwatch.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.ingest.git.repo.GitCredentials;
import io.driftwatch.ingest.git.repo.SecretSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCredentialsConfigTest {

  @TempDir Path dir;

  @BeforeEach
  void secretFiles() throws IOException {
    Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(dir.resolve("secrets/token"), "t0ken\n");
    Files.writeString(dir.resolve("secrets/id_ed25519"), "not parsed at load time");
    Files.writeString(dir.resolve("secrets/passphrase"), "pp");
    Files.writeString(dir.resolve("secrets/known_hosts"), "github.com ssh-ed25519 AAAA\n");
  }

  private Path write(String credentials) throws IOException {
    return Files.writeString(dir.resolve("driftwatch.yaml"), "gitCredentials:\n" + credentials);
  }

  private static List<String> problems(Path file, Map<String, String> env) {
    try {
      new ConfigLoader(env).load(file);
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("the configuration loaded without a problem");
  }

  @Test
  void httpsAndSshEntriesLoadWithPathsResolvedFromTheConfigFile() throws IOException {
    Path file =
        write(
            """
              - url: https://github.com/acme/
                passwordFile: secrets/token
              - url: https://gitlab.example.com/platform/
                username: ci-bot
                passwordEnv: GITLAB_TOKEN
              - url: git@github.com:acme/
                sshKeyFile: secrets/id_ed25519
                sshKeyPassphraseFile: secrets/passphrase
                knownHostsFile: secrets/known_hosts
            """);

    List<GitCredentials> credentials =
        new ConfigLoader(Map.of("GITLAB_TOKEN", "glpat-s3cret")).load(file).git().credentials();

    assertThat(credentials).hasSize(3);
    GitCredentials.Basic github = (GitCredentials.Basic) credentials.get(0);
    assertThat(github.username()).isEqualTo("git");
    assertThat(github.password())
        .isEqualTo(new SecretSource.File("passwordFile", dir.resolve("secrets/token")));
    GitCredentials.Basic gitlab = (GitCredentials.Basic) credentials.get(1);
    assertThat(gitlab.username()).isEqualTo("ci-bot");
    assertThat(gitlab.password().read().reveal()).isEqualTo("glpat-s3cret");
    assertThat(gitlab.password().describe()).isEqualTo("passwordEnv GITLAB_TOKEN");
    GitCredentials.SshKey ssh = (GitCredentials.SshKey) credentials.get(2);
    assertThat(ssh.keyFile()).isEqualTo(dir.resolve("secrets/id_ed25519"));
    assertThat(ssh.knownHostsFile()).isEqualTo(dir.resolve("secrets/known_hosts"));
    assertThat(ssh.passphrase()).isPresent();
    assertThat(credentials.toString()).doesNotContain("glpat-s3cret");
  }

  @Test
  void anSshEntryWithoutKnownHostsIsRefusedWithHowToMakeOne() throws IOException {
    Path file =
        write(
            """
              - url: ssh://git@github.com/acme/
                sshKeyFile: secrets/id_ed25519
            """);

    assertThat(problems(file, Map.of()))
        .singleElement()
        .asString()
        .startsWith("gitCredentials[0].knownHostsFile: required;")
        .contains("ssh-keyscan")
        .contains("unknown hosts are refused");
  }

  @Test
  void keysOfTheOtherKindAndTwoSourcesForOneSecretAreRefused() throws IOException {
    Path file =
        write(
            """
              - url: https://github.com/acme/
                passwordFile: secrets/token
                passwordEnv: GITHUB_TOKEN
                knownHostsFile: secrets/known_hosts
              - url: ssh://git@github.com/acme/
                passwordFile: secrets/token
                sshKeyFile: secrets/id_ed25519
                knownHostsFile: secrets/known_hosts
            """);

    assertThat(problems(file, Map.of("GITHUB_TOKEN", "x")))
        .contains(
            "gitCredentials[0]: set either passwordFile or passwordEnv, not both",
            "gitCredentials[0].knownHostsFile: does not apply to this URL's scheme; an https URL"
                + " takes passwordFile or passwordEnv",
            "gitCredentials[1].passwordFile: does not apply to this URL's scheme; an ssh URL takes"
                + " sshKeyFile and knownHostsFile");
  }

  @Test
  void anHttpsEntryNeedsASecretAndAUrlItCanMatch() throws IOException {
    Path file =
        write(
            """
              - url: https://github.com/acme/
                username: bob
              - url: /srv/git
                passwordFile: secrets/token
              - passwordFile: secrets/token
            """);

    assertThat(problems(file, Map.of()))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "gitCredentials[0]: an https URL needs passwordFile or passwordEnv"))
        .anySatisfy(
            p -> assertThat(p).startsWith("gitCredentials[1].url: '/srv/git' is not an https://"))
        .anySatisfy(p -> assertThat(p).startsWith("gitCredentials[2].url: required;"));
  }

  @Test
  void missingFilesAndUnsetVariablesAreNamedWithoutAnySecret() throws IOException {
    Path file =
        write(
            """
              - url: https://github.com/acme/
                passwordFile: secrets/not-mounted
              - url: https://gitlab.com/acme/
                passwordEnv: GITLAB_TOKEN
              - url: https://user:hunter2@bitbucket.org/acme/
                passwordFile: secrets/token
            """);

    List<String> problems = problems(file, Map.of("GITLAB_TOKEN", ""));

    assertThat(problems)
        .contains(
            "gitCredentials[0].passwordFile: "
                + dir.resolve("secrets/not-mounted")
                + " is not a readable file; mount it there (e.g. from a Kubernetes Secret) or fix"
                + " the path",
            "gitCredentials[1].passwordEnv: the environment variable GITLAB_TOKEN is not set or"
                + " empty; set it, or use passwordFile",
            "gitCredentials[2].url: holds a password; write it without one and put the secret in"
                + " passwordFile or passwordEnv");
    assertThat(String.join("\n", problems)).doesNotContain("hunter2");
  }

  @Test
  void theSamePrefixTwiceIsRefusedEvenWrittenDifferently() throws IOException {
    Path file =
        write(
            """
              - url: ssh://git@github.com/acme/
                sshKeyFile: secrets/id_ed25519
                knownHostsFile: secrets/known_hosts
              - url: git@GitHub.com:acme/
                sshKeyFile: secrets/id_ed25519
                knownHostsFile: secrets/known_hosts
            """);

    assertThat(problems(file, Map.of()))
        .singleElement()
        .asString()
        .isEqualTo(
            "gitCredentials[1].url: 'git@GitHub.com:acme/' is already declared by"
                + " gitCredentials[0]");
  }

  @Test
  void withoutGitCredentialsTheListIsEmpty() throws IOException {
    Path file = Files.writeString(dir.resolve("driftwatch.yaml"), "dataDir: state\n");

    assertThat(new ConfigLoader(Map.of()).load(file).git().credentials()).isEmpty();
  }

  @Test
  void aMisspelledKeyIsRefusedWithTheKnownOnes() throws IOException {
    Path file =
        write(
            """
              - url: https://github.com/acme/
                tokenFile: secrets/token
            """);

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .hasMessageContaining("gitCredentials[0].tokenFile: unknown key 'tokenFile'")
        .hasMessageContaining("passwordFile");
  }
}
