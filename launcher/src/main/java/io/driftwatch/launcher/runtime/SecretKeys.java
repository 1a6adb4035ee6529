package io.driftwatch.launcher.runtime;

import io.driftwatch.launcher.config.DriftwatchConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the key for Secret HMACs. Desired and live are only comparable when ingest-git and
 * ingest-cluster use the same key, so one process may generate it under its data dir, but separate
 * processes must be given one file.
 */
final class SecretKeys {

  private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);
  static final String GENERATED_FILE = "secret-hmac.key";
  private static final int GENERATED_BYTES = 32;

  private SecretKeys() {}

  /**
   * @param singleProcess true for {@code run}, where both ingest stages share this JVM
   */
  static byte[] load(DriftwatchConfig config, boolean singleProcess) {
    if (config.secretHmacKeyFile().isPresent()) {
      return read(config.secretHmacKeyFile().get());
    }
    if (!singleProcess) {
      throw new IllegalStateException(
          "security.secretHmacKeyFile is not set: when ingest-git and ingest-cluster run as separate processes they"
              + " must share one key so that Secrets in Git and in the cluster compare equal. Create one with"
              + " `head -c 32 /dev/urandom > hmac.key`, give both processes the file (e.g. from a Kubernetes Secret),"
              + " and set security.secretHmacKeyFile or DRIFTWATCH_SECRET_HMAC_KEY_FILE.");
    }
    Path generated = config.dataDir().resolve(GENERATED_FILE);
    if (!Files.exists(generated)) {
      generate(generated);
    }
    return read(generated);
  }

  private static byte[] read(Path file) {
    try {
      byte[] key = Files.readAllBytes(file);
      if (key.length < 16) {
        throw new IllegalStateException(
            "The Secret HMAC key in "
                + file
                + " has "
                + key.length
                + " bytes; it needs at least 16. Create one with `head -c 32 /dev/urandom > "
                + file
                + "`.");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Secret HMAC key file " + file, e);
    }
  }

  private static void generate(Path file) {
    byte[] key = new byte[GENERATED_BYTES];
    new SecureRandom().nextBytes(key);
    try {
      Files.createDirectories(file.getParent());
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.write(file, key);
      LOG.info(
          "Generated a Secret HMAC key in {} (kept on this machine; never sent to Kafka)", file);
    } catch (FileAlreadyExistsException raced) {
      // Another process created it first: use theirs.
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the Secret HMAC key file " + file, e);
    }
  }
}
