package io.driftwatch.ingest.git.repo;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/** Key pairs for SSH tests, generated fresh, written as {@code ssh-keygen} writes them. */
final class SshKeys {

  private SshKeys() {}

  /** An ed25519 key pair, the kind GitHub recommends. */
  static KeyPair ed25519() throws GeneralSecurityException {
    return KeyUtils.generateKeyPair("ssh-ed25519", 256);
  }

  /** An ECDSA P-256 key pair (the kind Flux generates by default is P-384). */
  static KeyPair ecdsa() throws GeneralSecurityException {
    return KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
  }

  /**
   * Writes the private key in OpenSSH format, encrypted with AES-256-CTR and bcrypt when a
   * passphrase is given.
   */
  static Path writePrivate(KeyPair key, Path file, String passphrase) throws Exception {
    OpenSSHKeyEncryptionContext encryption = null;
    if (passphrase != null) {
      encryption = new OpenSSHKeyEncryptionContext();
      encryption.setCipherType("256");
      encryption.setPassword(passphrase);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      new OpenSSHKeyPairResourceWriter().writePrivateKey(key, "driftwatch-test", encryption, out);
    }
    return file;
  }
}
