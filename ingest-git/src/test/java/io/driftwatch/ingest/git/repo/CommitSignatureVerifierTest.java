package io.driftwatch.ingest.git.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.ingest.git.CapturedStderr;
import io.driftwatch.ingest.git.GitFixture;
import io.driftwatch.model.CommitSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed commits made in a real repository with real OpenPGP and SSH keys, fetched through a {@link
 * RepositoryMirror} and verified against the configured keys.
 */
class CommitSignatureVerifierTest {

  private static TestSigners.OpenPgpKey trusted;
  private static TestSigners.OpenPgpKey stranger;

  @TempDir Path origin;
  @TempDir Path work;
  @TempDir Path keys;

  private GitFixture fixture;
  private Git git;

  @BeforeAll
  static void generateOpenPgpKeys() throws Exception {
    trusted = TestSigners.OpenPgpKey.generate("Release Bot <release@example.com>");
    stranger = TestSigners.OpenPgpKey.generate("Someone Else <else@example.com>");
  }

  @BeforeEach
  void repositoryWithOneCommit() throws Exception {
    fixture = GitFixture.create(origin);
    fixture.write("deploy/a.yaml", GitFixture.configMap("a", "1")).commit("first");
    git = Git.open(origin.toFile());
  }

  @AfterEach
  void close() {
    git.close();
    fixture.close();
  }

  private Repository repository() {
    return git.getRepository();
  }

  private ResolvedCommit fetchWith(SignatureKeys signatureKeys) throws GitSourceException {
    try (RepositoryMirror mirror =
        new RepositoryMirror("shop-prod", origin.toString(), "main", work)
            .verifyingSignaturesWith(CommitSignatureVerifier.load(signatureKeys))) {
      return mirror.fetch();
    }
  }

  private SignatureKeys openpgp(Path path) {
    return new SignatureKeys(Optional.of(path), Optional.empty());
  }

  private SignatureKeys ssh(Path allowedSigners) {
    return new SignatureKeys(Optional.empty(), Optional.of(allowedSigners));
  }

  @Test
  void openPgpSignedCommitIsVerifiedWhenItsKeyIsConfigured() throws Exception {
    String sha = SignedCommits.commitOnMain(repository(), "release 1.2", trusted, null);
    Path keyFile = trusted.exportPublicKey(keys.resolve("release.asc"));

    ResolvedCommit resolved = fetchWith(openpgp(keyFile));

    assertThat(resolved.sha()).isEqualTo(sha);
    assertThat(resolved.signature()).isEqualTo(CommitSignature.VERIFIED);
  }

  @Test
  void signedCommitIsOnlySignedWithoutKeysOrWithAnotherKey() throws Exception {
    SignedCommits.commitOnMain(repository(), "release 1.2", trusted, null);
    Path otherKey = stranger.exportPublicKey(keys.resolve("else.asc"));

    assertThat(fetchWith(SignatureKeys.NONE).signature()).isEqualTo(CommitSignature.SIGNED);
    String log =
        CapturedStderr.of(
            () ->
                assertThat(fetchWith(openpgp(otherKey)).signature())
                    .isEqualTo(CommitSignature.SIGNED));
    assertThat(log).as("a key that is not configured is no reason to warn").doesNotContain("WARN");
  }

  @Test
  void aDirectoryOfAscFilesIsReadWholeAndOtherFilesInItAreIgnored() throws Exception {
    SignedCommits.commitOnMain(repository(), "release 1.2", trusted, null);
    Path directory = keys.resolve("trusted");
    stranger.exportPublicKey(directory.resolve("a-else.asc"));
    trusted.exportPublicKey(directory.resolve("b-release.asc"));
    Files.writeString(directory.resolve("README.md"), "not a key");

    assertThat(fetchWith(openpgp(directory)).signature()).isEqualTo(CommitSignature.VERIFIED);
  }

  @Test
  void tamperedCommitStaysSignedAndIsWarnedAboutOncePerSourceAndCommit() throws Exception {
    String sha =
        SignedCommits.commitOnMain(
            repository(), "release 1.2", trusted, "release 1.2 with a backdoor");
    Path keyFile = trusted.exportPublicKey(keys.resolve("release.asc"));
    CommitSignatureVerifier verifier = CommitSignatureVerifier.load(openpgp(keyFile));

    String log =
        CapturedStderr.of(
            () -> {
              try (RepositoryMirror mirror =
                  new RepositoryMirror("shop-prod", origin.toString(), "main", work)
                      .verifyingSignaturesWith(verifier)) {
                assertThat(mirror.fetch().signature()).isEqualTo(CommitSignature.SIGNED);
                assertThat(mirror.fetch().signature()).isEqualTo(CommitSignature.SIGNED);
              }
            });

    assertThat(log.lines().filter(line -> line.contains("WARN")))
        .singleElement()
        .asString()
        .contains("Source shop-prod")
        .contains(sha)
        .contains("bad signature")
        .contains("does not match the commit's content");
  }

  @Test
  void signatureByAKeyThatHadExpiredIsNotVerified() throws Exception {
    TestSigners.OpenPgpKey expired = TestSigners.OpenPgpKey.generate("Old <old@example.com>", 60);
    String sha = SignedCommits.commitOnMain(repository(), "late", expired, null);
    Path keyFile = expired.exportPublicKey(keys.resolve("old.asc"));

    String log =
        CapturedStderr.of(
            () ->
                assertThat(fetchWith(openpgp(keyFile)).signature())
                    .isEqualTo(CommitSignature.SIGNED));

    assertThat(log).contains(sha).contains("had expired");
  }

  @Test
  void sshSignedCommitIsVerifiedAgainstTheAllowedSignersFile() throws Exception {
    TestSigners.SshKey key = TestSigners.SshKey.generate(keys.resolve("ssh"), repository());
    String sha = SignedCommits.commitOnMain(repository(), "ssh signed", key, null);
    Path allowed =
        Files.writeString(
            keys.resolve("allowed_signers"),
            "# team keys\n" + key.allowedSignersLine("signer@example.com") + "\n");

    ResolvedCommit resolved = fetchWith(ssh(allowed));

    assertThat(resolved.sha()).isEqualTo(sha);
    assertThat(resolved.signature()).isEqualTo(CommitSignature.VERIFIED);
  }

  @Test
  void sshSignatureByAKeyNotAllowedIsSignedWithoutWarning() throws Exception {
    TestSigners.SshKey signer = TestSigners.SshKey.generate(keys.resolve("a"), repository());
    TestSigners.SshKey other = TestSigners.SshKey.generate(keys.resolve("b"), repository());
    SignedCommits.commitOnMain(repository(), "ssh signed", signer, null);
    Path allowed =
        Files.writeString(
            keys.resolve("allowed_signers"), other.allowedSignersLine("other@example.com") + "\n");

    String log =
        CapturedStderr.of(
            () ->
                assertThat(fetchWith(ssh(allowed)).signature()).isEqualTo(CommitSignature.SIGNED));

    assertThat(log).doesNotContain("WARN");
  }

  @Test
  void tamperedSshSignedCommitIsSignedAndWarnedAbout() throws Exception {
    TestSigners.SshKey key = TestSigners.SshKey.generate(keys.resolve("ssh"), repository());
    String sha = SignedCommits.commitOnMain(repository(), "ssh signed", key, "edited afterwards");
    Path allowed =
        Files.writeString(
            keys.resolve("allowed_signers"), key.allowedSignersLine("signer@example.com") + "\n");

    String log =
        CapturedStderr.of(
            () ->
                assertThat(fetchWith(ssh(allowed)).signature()).isEqualTo(CommitSignature.SIGNED));

    assertThat(log)
        .contains("WARN")
        .contains("Source shop-prod")
        .contains(sha)
        .contains("does not match the commit's content");
  }

  @Test
  void signatureOfAFormatWithoutConfiguredKeysIsSigned() throws Exception {
    TestSigners.SshKey key = TestSigners.SshKey.generate(keys.resolve("ssh"), repository());
    SignedCommits.commitOnMain(repository(), "ssh signed", key, null);
    Path keyFile = trusted.exportPublicKey(keys.resolve("release.asc"));

    assertThat(fetchWith(openpgp(keyFile)).signature()).isEqualTo(CommitSignature.SIGNED);
  }

  @Test
  void unsignedCommitIsUnsignedWhateverTheKeys() throws Exception {
    Path keyFile = trusted.exportPublicKey(keys.resolve("release.asc"));

    assertThat(fetchWith(openpgp(keyFile)).signature()).isEqualTo(CommitSignature.UNSIGNED);
  }

  @Test
  void keyFilesThatAreNotPublicKeysAreRefusedWithTheFileAndTheFix() throws Exception {
    Path garbage = Files.writeString(keys.resolve("key.asc"), "not a key at all\n");
    Path emptyDirectory = Files.createDirectories(keys.resolve("empty"));
    Path badSigners =
        Files.writeString(
            keys.resolve("allowed_signers"), "# ok\nssh-ed25519 AAAAC3Nz without-principal\n");

    assertThatThrownBy(() -> CommitSignatureVerifier.load(openpgp(garbage)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(garbage.toString())
        .hasMessageContaining("gpg --export --armor");
    assertThatThrownBy(() -> CommitSignatureVerifier.load(openpgp(emptyDirectory)))
        .hasMessageContaining(emptyDirectory.toString())
        .hasMessageContaining("no .asc file");
    assertThatThrownBy(() -> CommitSignatureVerifier.load(openpgp(keys.resolve("missing.asc"))))
        .hasMessageContaining("missing.asc")
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> CommitSignatureVerifier.load(ssh(badSigners)))
        .hasMessageContaining(badSigners.toString() + ", line 2")
        .hasMessageContaining("<principals>");
  }

  @Test
  void payloadIsTheCommitWithoutItsSignatureHeader() throws Exception {
    String sha = SignedCommits.commitOnMain(repository(), "release 1.2", trusted, null);
    try (org.eclipse.jgit.revwalk.RevWalk walk =
        new org.eclipse.jgit.revwalk.RevWalk(repository())) {
      var commit = walk.parseCommit(repository().resolve(sha));
      String raw = new String(commit.getRawBuffer(), StandardCharsets.UTF_8);
      String payload = new String(CommitSignatureVerifier.payload(commit), StandardCharsets.UTF_8);

      assertThat(raw).contains("gpgsig -----BEGIN PGP SIGNATURE-----");
      assertThat(payload)
          .doesNotContain("gpgsig")
          .doesNotContain("PGP SIGNATURE")
          .startsWith("tree ")
          .contains("\ncommitter Signer <signer@example.com> ")
          .endsWith("\n\nrelease 1.2");
    }
  }
}
