package io.driftwatch.ingest.git.repo;

import io.driftwatch.ingest.git.repo.GitSourceException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Reads what credentials point at, for one fetch: a password, token or passphrase, and an SSH
 * private key. A file that is missing, unreadable or empty, or a key that cannot be opened, is an
 * AUTH problem naming the configuration key, the file and the fix.
 */
final class CredentialFiles {

  // The last key loaded, kept while the file and passphrase stay the same: opening an encrypted
  // OpenSSH key runs bcrypt (160-210 ms measured with ssh-keygen's 16 rounds, against 1-2 ms for a
  // plain key), which every poll would pay otherwise. The file is still read at every fetch.
  private byte[] loadedKeyFile;
  private String loadedPassphrase;
  private List<KeyPair> loadedKeys;

  /** The secret as it is now; it must not be empty. */
  static SecretValue secret(SecretSource source, GitCredentials owner) throws FetchProblem {
    SecretValue value;
    try {
      value = source.read();
    } catch (IOException e) {
      throw new FetchProblem(
          Reason.AUTH,
          "cannot read "
              + source.describe()
              + " of "
              + owner.describe()
              + ": "
              + ioProblem(e)
              + "; mount the secret there or fix the path");
    }
    if (value.isEmpty()) {
      throw new FetchProblem(
          Reason.AUTH,
          source.describe() + " of " + owner.describe() + " is empty; put the secret in it");
    }
    return value;
  }

  /** The key pairs in the key file, decrypted with the passphrase when one is configured. */
  List<KeyPair> sshKeys(GitCredentials.SshKey key) throws FetchProblem {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(key.keyFile());
    } catch (IOException e) {
      throw new FetchProblem(
          Reason.AUTH,
          "cannot read sshKeyFile "
              + key.keyFile()
              + " of "
              + key.describe()
              + ": "
              + ioProblem(e)
              + "; mount the private key there or fix the path");
    }
    String passphrase =
        key.passphrase().isPresent() ? secret(key.passphrase().get(), key).reveal() : null;
    if (Arrays.equals(bytes, loadedKeyFile) && Objects.equals(passphrase, loadedPassphrase)) {
      return loadedKeys;
    }
    FilePasswordProvider passwords =
        passphrase == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(passphrase);
    List<KeyPair> keys = new ArrayList<>();
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      Iterable<KeyPair> loaded =
          SecurityUtils.loadKeyPairIdentities(
              null, NamedResource.ofName(key.keyFile().toString()), in, passwords);
      if (loaded != null) {
        loaded.forEach(keys::add);
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new FetchProblem(
          Reason.AUTH,
          "cannot load the private key in sshKeyFile "
              + key.keyFile()
              + " of "
              + key.describe()
              + " ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + "); "
              + key.passphrase()
                  .map(p -> "check that " + p.describe() + " holds its passphrase")
                  .orElse(
                      "if the key is encrypted, set sshKeyPassphraseFile or sshKeyPassphraseEnv"));
    }
    if (keys.isEmpty()) {
      throw new FetchProblem(
          Reason.AUTH,
          "sshKeyFile "
              + key.keyFile()
              + " of "
              + key.describe()
              + " holds no private key; give the private half (id_ed25519, not id_ed25519.pub)");
    }
    loadedKeyFile = bytes;
    loadedPassphrase = passphrase;
    loadedKeys = List.copyOf(keys);
    return loadedKeys;
  }

  private static String ioProblem(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
