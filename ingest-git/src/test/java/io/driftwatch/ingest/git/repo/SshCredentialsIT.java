package io.driftwatch.ingest.git.repo;

import static io.driftwatch.ingest.git.repo.HttpCredentialsIT.fetchFailure;
import static io.driftwatch.ingest.git.repo.HttpCredentialsIT.stackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.git.GitFixture;
import io.driftwatch.ingest.git.repo.GitSourceException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching over SSH from a real server, with one key and strict host key checking. */
class SshCredentialsIT {

  private static final String PASSPHRASE = "open sesame 42";

  @TempDir Path served;
  @TempDir Path work;
  @TempDir Path secrets;

  private GitSshServer server;
  private GitFixture repo;
  private String firstCommit;
  private KeyPair clientKey;
  private Path keyFile;
  private Path passphraseFile;
  private Path knownHosts;

  @BeforeEach
  void startServer() throws Exception {
    repo = GitFixture.create(served.resolve("acme/app"));
    firstCommit = repo.write("a.yaml", GitFixture.configMap("a", "1")).commit("first");
    server = GitSshServer.start(served, SshKeys.ecdsa());
    clientKey = SshKeys.ed25519();
    server.authorize(clientKey.getPublic());
    keyFile = SshKeys.writePrivate(clientKey, secrets.resolve("id_ed25519"), PASSPHRASE);
    passphraseFile = Files.writeString(secrets.resolve("passphrase"), PASSPHRASE + "\n");
    knownHosts = server.writeKnownHosts(secrets.resolve("known_hosts"));
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
    repo.close();
  }

  private GitCredentials.SshKey credentials(Path key, Path passphrase, Path hosts) {
    return new GitCredentials.SshKey(
        "ssh://git@127.0.0.1:" + server.port() + "/acme/",
        null,
        key,
        Optional.ofNullable(passphrase).map(p -> new SecretSource.File("sshKeyPassphraseFile", p)),
        hosts);
  }

  private RepositoryMirror mirror(GitCredentials... credentials) {
    return new RepositoryMirror(
        "fleet", server.url("acme/app"), "main", work, List.of(credentials));
  }

  @Test
  void anEncryptedEd25519KeyWithItsPassphraseAndKnownHostsFetches() throws Exception {
    try (RepositoryMirror mirror = mirror(credentials(keyFile, passphraseFile, knownHosts))) {
      assertThat(mirror.fetch().sha()).isEqualTo(firstCommit);

      String second = repo.write("a.yaml", GitFixture.configMap("a", "2")).commit("second");
      assertThat(mirror.fetch().sha()).isEqualTo(second);
    }
  }

  @Test
  void theUrlNeedNotNameTheUserWhichDefaultsToGit() throws Exception {
    String withoutUser = "ssh://127.0.0.1:" + server.port() + "/acme/app";
    try (RepositoryMirror mirror =
        new RepositoryMirror(
            "fleet",
            withoutUser,
            "main",
            work,
            List.of(credentials(keyFile, passphraseFile, knownHosts)))) {
      assertThat(mirror.fetch().sha()).isEqualTo(firstCommit);
    }
  }

  @Test
  void anUnknownHostKeyIsRefusedNamingHostFingerprintFileAndTheKeyscanFix() throws Exception {
    Files.writeString(knownHosts, "");

    try (RepositoryMirror mirror = mirror(credentials(keyFile, passphraseFile, knownHosts))) {
      GitSourceException e = fetchFailure(mirror);

      assertThat(e.reason()).isEqualTo(Reason.AUTH);
      assertThat(e.getMessage())
          .startsWith("Source 'fleet' (repository " + server.url("acme/app"))
          .contains("the SSH host key of [127.0.0.1]:" + server.port())
          .contains("SHA256:")
          .contains("is not in knownHostsFile " + knownHosts)
          .contains("`ssh-keyscan -p " + server.port() + " 127.0.0.1 >> " + knownHosts + "`");
    }
    assertThat(Files.readString(knownHosts)).as("the file is never written").isEmpty();
  }

  @Test
  void aChangedHostKeyIsRefusedAsChanged() throws Exception {
    Files.writeString(
        knownHosts,
        "[127.0.0.1]:"
            + server.port()
            + " "
            + PublicKeyEntry.toString(SshKeys.ecdsa().getPublic())
            + "\n");

    try (RepositoryMirror mirror = mirror(credentials(keyFile, passphraseFile, knownHosts))) {
      GitSourceException e = fetchFailure(mirror);

      assertThat(e.reason()).isEqualTo(Reason.AUTH);
      assertThat(e.getMessage())
          .contains("does not match the one knownHostsFile " + knownHosts)
          .contains("re-keyed or the connection is intercepted");
    }
  }

  @Test
  void aKeyTheServerDoesNotAcceptIsAuthNamingTheKeyFile() throws Exception {
    Path stranger = SshKeys.writePrivate(SshKeys.ecdsa(), secrets.resolve("id_ecdsa"), null);

    try (RepositoryMirror mirror = mirror(credentials(stranger, null, knownHosts))) {
      GitSourceException e = fetchFailure(mirror);

      assertThat(e.reason()).isEqualTo(Reason.AUTH);
      assertThat(e.getMessage())
          .contains("the SSH server refused the key in sshKeyFile " + stranger)
          .contains("deploy key");
    }
  }

  @Test
  void aWrongPassphraseIsAuthNamingItsFileButNotItsValue() throws Exception {
    Path wrong = Files.writeString(secrets.resolve("wrong"), "not-the-passphrase-9");

    try (RepositoryMirror mirror = mirror(credentials(keyFile, wrong, knownHosts))) {
      GitSourceException e = fetchFailure(mirror);

      assertThat(e.reason()).isEqualTo(Reason.AUTH);
      assertThat(e.getMessage())
          .contains("cannot load the private key in sshKeyFile " + keyFile)
          .contains("check that sshKeyPassphraseFile " + wrong + " holds its passphrase");
      assertThat(stackTrace(e)).doesNotContain("not-the-passphrase-9").doesNotContain(PASSPHRASE);
    }
  }

  @Test
  void anEncryptedKeyWithoutAPassphraseSaysToConfigureOne() throws Exception {
    try (RepositoryMirror mirror = mirror(credentials(keyFile, null, knownHosts))) {
      GitSourceException e = fetchFailure(mirror);

      assertThat(e.reason()).isEqualTo(Reason.AUTH);
      assertThat(e.getMessage()).contains("set sshKeyPassphraseFile or sshKeyPassphraseEnv");
    }
  }

  @Test
  void aMissingKnownHostsFileIsAuthSayingHowToCreateIt() throws Exception {
    Path missing = secrets.resolve("no_known_hosts");

    try (RepositoryMirror mirror = mirror(credentials(keyFile, passphraseFile, missing))) {
      GitSourceException e = fetchFailure(mirror);

      assertThat(e.reason()).isEqualTo(Reason.AUTH);
      assertThat(e.getMessage())
          .contains("knownHostsFile " + missing + " of gitCredentials entry")
          .contains("ssh-keyscan -p " + server.port() + " 127.0.0.1 > " + missing);
    }
  }

  @Test
  void anSshUrlWithoutCredentialsFailsBeforeConnectingAndNeverUsesTheUsersSshDirectory() {
    try (RepositoryMirror mirror = mirror()) {
      GitSourceException e = fetchFailure(mirror);

      assertThat(e.reason()).isEqualTo(Reason.AUTH);
      assertThat(e.getMessage())
          .contains("no gitCredentials entry matches this SSH repository")
          .contains("a prefix of ssh://127.0.0.1:" + server.port() + "/acme/app");
    }
  }

  @Test
  void aRotatedKeyFileIsReadAtTheNextFetch() throws Exception {
    try (RepositoryMirror mirror = mirror(credentials(keyFile, passphraseFile, knownHosts))) {
      assertThat(mirror.fetch().sha()).isEqualTo(firstCommit);

      KeyPair rotated = SshKeys.ed25519();
      SshKeys.writePrivate(rotated, keyFile, PASSPHRASE);
      assertThat(fetchFailure(mirror).reason()).isEqualTo(Reason.AUTH);

      server.authorize(rotated.getPublic());
      assertThat(mirror.fetch().sha()).isEqualTo(firstCommit);
    }
    assertThat(KeyUtils.getKeyType(clientKey)).isEqualTo("ssh-ed25519");
  }

  @Test
  void aRepositoryTheServerDoesNotHaveIsReportedWithTheUrlToCheck() throws Exception {
    try (RepositoryMirror mirror =
        new RepositoryMirror(
            "typo",
            server.url("acme/no-such-app"),
            "main",
            work,
            List.of(credentials(keyFile, passphraseFile, knownHosts)))) {
      GitSourceException e = fetchFailure(mirror);

      assertThat(e.getMessage()).contains("the server has no repository at this URL");
    }
  }
}
