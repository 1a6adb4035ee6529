package io.driftwatch.ingest.git.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;
import org.eclipse.jgit.lib.SignatureVerifier.SignatureVerification;
import org.eclipse.jgit.lib.SignatureVerifier.TrustLevel;
import org.eclipse.jgit.signing.ssh.SshSignatureVerifierFactory;

/**
 * The check of a commit's SSH signature against an allowed-signers file, as {@code git
 * verify-commit} does with {@code gpg.ssh.allowedSignersFile}. JGit's SSH signature verifier does
 * the work (it also honours the file's {@code namespaces}, {@code valid-after}, {@code
 * valid-before} and {@code cert-authority} options, and re-reads the file when it changes); this
 * class gives it the file through a configuration of its own, never the user's git config.
 */
final class SshAllowedSigners {

  private final Path file;
  private final GpgConfig config;
  private final SignatureVerifier verifier;

  private SshAllowedSigners(Path file) {
    this.file = file;
    Config settings = new Config();
    settings.setString(
        ConfigConstants.CONFIG_GPG_SECTION,
        ConfigConstants.CONFIG_SSH_SUBSECTION,
        ConfigConstants.CONFIG_KEY_SSH_ALLOWED_SIGNERS_FILE,
        file.toString());
    this.config = new GpgConfig(settings);
    this.verifier = new SshSignatureVerifierFactory().create();
  }

  /**
   * Checks that {@code file} is readable and shaped like an allowed-signers file (JGit parses it
   * only when a signature is checked, and would then report every signature as bad).
   *
   * @throws IllegalArgumentException naming the file, the line and the fix
   */
  static SshAllowedSigners load(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    List<String> lines;
    try {
      lines = Files.readAllLines(absolute, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          absolute
              + ": cannot read the SSH allowed-signers file ("
              + e.getMessage()
              + "); give a file with lines like '<email> ssh-ed25519 AAAA...'",
          e);
    }
    int entries = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\s+");
      boolean hasKey = false;
      for (int f = 1; f + 1 < fields.length; f++) {
        hasKey |= isKeyType(fields[f]);
      }
      if (fields.length < 3 || isKeyType(fields[0]) || !hasKey) {
        throw new IllegalArgumentException(
            absolute
                + ", line "
                + (i + 1)
                + ": not an allowed-signers entry; write '<principals> [options] <key type>"
                + " <base64 key>', e.g. 'dev@example.com ssh-ed25519 AAAA...' (see ssh-keygen(1),"
                + " ALLOWED SIGNERS)");
      }
      entries++;
    }
    if (entries == 0) {
      throw new IllegalArgumentException(
          absolute
              + ": the SSH allowed-signers file has no entry; add '<email> <public key>' lines");
    }
    return new SshAllowedSigners(absolute);
  }

  private static boolean isKeyType(String field) {
    return field.startsWith("ssh-") || field.startsWith("ecdsa-") || field.startsWith("sk-");
  }

  /** Checks an armored SSH signature over {@code payload}. */
  SignatureCheck check(Repository repository, byte[] payload, byte[] armoredSignature) {
    SignatureVerification result;
    try {
      result = verifier.verify(repository, config, payload, armoredSignature);
    } catch (IOException | RuntimeException e) {
      return SignatureCheck.invalid(
          "the SSH signature cannot be checked against " + file + ": " + e.getMessage());
    }
    String key = "SSH key " + result.keyFingerprint();
    if (result.verified()) {
      return SignatureCheck.verified(key + " of " + result.keyUser());
    }
    // JGit checks the signature first and the allowed-signers file second: a signature that is
    // valid but whose key no entry allows comes back with trust UNKNOWN; every other failure (bad
    // signature, wrong namespace, key outside its validity, revoked) with trust NEVER.
    if (result.trustLevel() == TrustLevel.UNKNOWN) {
      return SignatureCheck.unknownKey(key);
    }
    String who =
        result.keyFingerprint() == null ? "the SSH signature" : "the SSH signature by " + key;
    // JGit gives no message when the signature itself does not match the data.
    return SignatureCheck.invalid(
        who
            + (result.message() == null
                ? " does not match the commit's content"
                : ": " + result.message()));
  }
}
