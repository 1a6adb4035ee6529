package io.driftwatch.ingest.git.repo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * The trusted OpenPGP public keys, read once from an armored key file or a directory of {@code
 * .asc} files, and the check of a commit's detached OpenPGP signature against them. BouncyCastle's
 * lightweight API is used directly: JGit's own OpenPGP verifier only looks in the user's GnuPG
 * keyring, which a service must not depend on.
 */
final class OpenPgpKeyring {

  private static final BcKeyFingerprintCalculator FINGERPRINTS = new BcKeyFingerprintCalculator();

  private final PGPPublicKeyRingCollection keys;

  private OpenPgpKeyring(PGPPublicKeyRingCollection keys) {
    this.keys = keys;
  }

  /**
   * Reads the keys of {@code path}: the file itself, or every {@code .asc} file directly in the
   * directory.
   *
   * @throws IllegalArgumentException naming the file, the problem and the fix
   */
  static OpenPgpKeyring load(Path path) {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> listed = Files.list(path)) {
        listed
            .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".asc"))
            .filter(Files::isRegularFile)
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            path + ": cannot list the OpenPGP key directory: " + e.getMessage(), e);
      }
      if (files.isEmpty()) {
        throw new IllegalArgumentException(
            path
                + ": the directory holds no .asc file; put each trusted public key there as"
                + " <name>.asc (gpg --export --armor <key id> > <name>.asc)");
      }
    } else if (Files.isRegularFile(path)) {
      files.add(path);
    } else {
      throw new IllegalArgumentException(
          path
              + ": no such file or directory; give an armored public key file or a directory of"
              + " .asc files");
    }
    // The same key exported into two files is one key.
    Map<Long, PGPPublicKeyRing> rings = new LinkedHashMap<>();
    for (Path file : files) {
      for (PGPPublicKeyRing ring : read(file)) {
        rings.putIfAbsent(ring.getPublicKey().getKeyID(), ring);
      }
    }
    return new OpenPgpKeyring(new PGPPublicKeyRingCollection(new ArrayList<>(rings.values())));
  }

  private static List<PGPPublicKeyRing> read(Path file) {
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
      new PGPPublicKeyRingCollection(in, FINGERPRINTS).forEach(rings::add);
    } catch (IOException | PGPException | RuntimeException e) {
      throw new IllegalArgumentException(
          file
              + ": not an OpenPGP public key ("
              + e.getMessage()
              + "); export the public key, not the secret one, with gpg --export --armor <key id>",
          e);
    }
    if (rings.isEmpty()) {
      throw new IllegalArgumentException(
          file + ": holds no OpenPGP public key; export one with gpg --export --armor <key id>");
    }
    return rings;
  }

  /** How many primary keys are trusted. */
  int size() {
    return keys.size();
  }

  /** Checks a detached, armored signature over {@code payload}. */
  SignatureCheck check(byte[] payload, byte[] armoredSignature) {
    PGPSignature signature;
    try {
      signature = parse(armoredSignature);
    } catch (IOException | PGPException | RuntimeException e) {
      return SignatureCheck.invalid("the OpenPGP signature cannot be read: " + e.getMessage());
    }
    if (signature == null) {
      return SignatureCheck.invalid("the gpgsig header holds no OpenPGP signature");
    }
    PGPPublicKey key = signingKey(signature);
    if (key == null) {
      return SignatureCheck.unknownKey("OpenPGP key " + issuer(signature));
    }
    String name = "OpenPGP key " + fingerprint(key);
    try {
      signature.init(new BcPGPContentVerifierBuilderProvider(), key);
      signature.update(payload);
      if (!signature.verify()) {
        return SignatureCheck.invalid(
            "the OpenPGP signature by " + name + " does not match the commit's content");
      }
    } catch (PGPException | RuntimeException e) {
      return SignatureCheck.invalid(
          "the OpenPGP signature by " + name + " cannot be checked: " + e.getMessage());
    }
    if (key.hasRevocation()) {
      return SignatureCheck.invalid(name + " is revoked");
    }
    long validSeconds = key.getValidSeconds();
    if (validSeconds > 0) {
      Instant expiry = key.getCreationTime().toInstant().plusSeconds(validSeconds);
      if (signature.getCreationTime().toInstant().isAfter(expiry)) {
        return SignatureCheck.invalid(name + " had expired (" + expiry + ") when it signed");
      }
    }
    return SignatureCheck.verified(name);
  }

  private static PGPSignature parse(byte[] armored) throws IOException, PGPException {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))) {
      Object object = new BcPGPObjectFactory(in).nextObject();
      if (object instanceof PGPCompressedData compressed) {
        object = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
      }
      if (object instanceof PGPSignatureList list && !list.isEmpty()) {
        return list.get(0);
      }
      return null;
    }
  }

  /** The configured key the signature names as its issuer, by fingerprint or else by key ID. */
  private PGPPublicKey signingKey(PGPSignature signature) {
    for (KeyIdentifier id : signature.getKeyIdentifiers()) {
      PGPPublicKey key =
          id.getFingerprint() != null
              ? keys.getPublicKey(id.getFingerprint())
              : keys.getPublicKey(id.getKeyId());
      if (key != null) {
        return key;
      }
    }
    return signature.getKeyID() == 0 ? null : keys.getPublicKey(signature.getKeyID());
  }

  private static String issuer(PGPSignature signature) {
    for (KeyIdentifier id : signature.getKeyIdentifiers()) {
      if (id.getFingerprint() != null) {
        return HexFormat.of().withUpperCase().formatHex(id.getFingerprint());
      }
    }
    return String.format(Locale.ROOT, "%016X", signature.getKeyID());
  }

  private static String fingerprint(PGPPublicKey key) {
    return HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
  }
}
