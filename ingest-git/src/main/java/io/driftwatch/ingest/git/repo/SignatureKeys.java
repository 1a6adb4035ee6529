package io.driftwatch.ingest.git.repo;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The keys a commit signature must be made with to count as {@code VERIFIED}: OpenPGP public keys
 * and an SSH allowed-signers file. Without either, signed commits are {@code SIGNED} and nothing is
 * checked.
 *
 * @param openpgpKeys an armored OpenPGP public key file ({@code gpg --export --armor}), or a
 *     directory whose {@code .asc} files are such keys
 * @param sshAllowedSigners a file in the format of git's {@code gpg.ssh.allowedSignersFile} (one
 *     {@code principals [options] key-type base64-key} per line)
 */
public record SignatureKeys(Optional<Path> openpgpKeys, Optional<Path> sshAllowedSigners) {

  /** No trusted keys: signatures are noticed, never verified. */
  public static final SignatureKeys NONE = new SignatureKeys(Optional.empty(), Optional.empty());

  public SignatureKeys {
    openpgpKeys = openpgpKeys == null ? Optional.empty() : openpgpKeys;
    sshAllowedSigners = sshAllowedSigners == null ? Optional.empty() : sshAllowedSigners;
  }

  /** True when no key of either kind is configured. */
  public boolean isEmpty() {
    return openpgpKeys.isEmpty() && sshAllowedSigners.isEmpty();
  }
}
