package io.driftwatch.ingest.git.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.git.CommandLineTools;
import io.driftwatch.ingest.git.GitFixture;
import io.driftwatch.model.CommitSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits signed by the real git CLI, with gpg and with ssh-keygen keys, are VERIFIED exactly when
 * {@code git verify-commit} accepts them under the same trusted keys.
 */
class SignatureCliParityTest {

  private static final long TIMEOUT_SECONDS = 60;

  @TempDir Path origin;
  @TempDir Path work;
  @TempDir Path home;

  private Path git;

  @BeforeEach
  void repository() {
    git = CommandLineTools.require("git", "commits the git CLI signs are verified as git does");
    try (GitFixture fixture = GitFixture.create(origin)) {
      fixture.write("deploy/a.yaml", GitFixture.configMap("a", "1")).commit("first");
    }
  }

  @Test
  void commitSignedWithGpgIsVerifiedWithTheExportedKeyAsGitVerifiesIt() throws Exception {
    Path gpg = CommandLineTools.require("gpg", "gpg-signed commits are verified as git does");
    Path gnupgHome = Files.createDirectory(home.resolve("gnupg"));
    Files.setPosixFilePermissions(gnupgHome, PosixFilePermissions.fromString("rwx------"));
    Map<String, String> env = Map.of("GNUPGHOME", gnupgHome.toString());
    try {
      run(
          env,
          gpg.toString(),
          "--batch",
          "--pinentry-mode",
          "loopback",
          "--passphrase",
          "",
          "--quick-gen-key",
          "CLI Signer <cli@example.com>",
          "ed25519",
          "sign",
          "never");
      String armored =
          run(env, gpg.toString(), "--batch", "--armor", "--export", "cli@example.com");
      Path key = Files.writeString(home.resolve("cli.asc"), armored);
      Path otherKey =
          TestSigners.OpenPgpKey.generate("Other <o@example.com>")
              .exportPublicKey(home.resolve("other.asc"));
      gitCommit(
          env,
          "signed by gpg",
          "-c",
          "gpg.program=" + gpg,
          "-c",
          "user.signingkey=cli@example.com");

      assertThat(gitVerifies(env)).isTrue();
      assertThat(fetch(new SignatureKeys(Optional.of(key), Optional.empty())).signature())
          .isEqualTo(CommitSignature.VERIFIED);
      assertThat(fetch(new SignatureKeys(Optional.of(otherKey), Optional.empty())).signature())
          .isEqualTo(CommitSignature.SIGNED);
    } finally {
      Optional<Path> gpgconf = CommandLineTools.find("gpgconf");
      if (gpgconf.isPresent()) {
        run(env, gpgconf.get().toString(), "--kill", "gpg-agent");
      }
    }
  }

  @Test
  void commitSignedWithAnSshKeyIsVerifiedAgainstAllowedSignersAsGitVerifiesIt() throws Exception {
    Path sshKeygen =
        CommandLineTools.require("ssh-keygen", "SSH-signed commits are verified as git does");
    Path key = home.resolve("id_ed25519");
    Path other = home.resolve("other_ed25519");
    for (Path k : List.of(key, other)) {
      run(
          Map.of(),
          sshKeygen.toString(),
          "-q",
          "-t",
          "ed25519",
          "-N",
          "",
          "-C",
          "cli",
          "-f",
          k.toString());
    }
    Path allowed =
        Files.writeString(
            home.resolve("allowed_signers"),
            "cli@example.com " + Files.readString(home.resolve("id_ed25519.pub")));
    Path notAllowed =
        Files.writeString(
            home.resolve("other_signers"),
            "other@example.com " + Files.readString(home.resolve("other_ed25519.pub")));
    gitCommit(
        Map.of(), "signed by ssh", "-c", "gpg.format=ssh", "-c", "user.signingkey=" + key + ".pub");

    assertThat(gitVerifies(Map.of(), "-c", "gpg.ssh.allowedSignersFile=" + allowed)).isTrue();
    assertThat(gitVerifies(Map.of(), "-c", "gpg.ssh.allowedSignersFile=" + notAllowed)).isFalse();
    assertThat(fetch(new SignatureKeys(Optional.empty(), Optional.of(allowed))).signature())
        .isEqualTo(CommitSignature.VERIFIED);
    assertThat(fetch(new SignatureKeys(Optional.empty(), Optional.of(notAllowed))).signature())
        .isEqualTo(CommitSignature.SIGNED);
  }

  private ResolvedCommit fetch(SignatureKeys keys) throws GitSourceException {
    try (RepositoryMirror mirror =
        new RepositoryMirror("cli", origin.toString(), "main", work)
            .verifyingSignaturesWith(CommitSignatureVerifier.load(keys))) {
      return mirror.fetch();
    }
  }

  private void gitCommit(Map<String, String> env, String message, String... config)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(git.toString(), "-C", origin.toString()));
    command.addAll(List.of(config));
    command.addAll(
        List.of(
            "-c",
            "user.name=CLI Signer",
            "-c",
            "user.email=cli@example.com",
            "commit",
            "--allow-empty",
            "-S",
            "-m",
            message));
    run(env, command.toArray(String[]::new));
  }

  private boolean gitVerifies(Map<String, String> env, String... config) throws Exception {
    List<String> command = new ArrayList<>(List.of(git.toString(), "-C", origin.toString()));
    command.addAll(List.of(config));
    command.addAll(List.of("verify-commit", "HEAD"));
    return exec(env, command.toArray(String[]::new)).exitCode() == 0;
  }

  private String run(Map<String, String> env, String... command) throws Exception {
    Result result = exec(env, command);
    assertThat(result.exitCode()).as("%s%n%s", String.join(" ", command), result.stderr()).isZero();
    return result.stdout();
  }

  private Result exec(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    // Neither the user's git configuration nor their keys take part.
    builder.environment().put("HOME", home.toString());
    builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in time");
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Result(int exitCode, String stdout, String stderr) {}
}
