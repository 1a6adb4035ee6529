package io.driftwatch.ingest.git.repo;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.signing.ssh.SshSignerFactory;

/**
 * Real signing keys made in the test: an OpenPGP key pair generated with BouncyCastle (the public
 * key exported armored, as {@code gpg --export --armor} writes it) and an SSH key pair whose
 * signatures JGit's own SSH signer makes, as {@code git commit -S} with {@code gpg.format=ssh}
 * does.
 */
final class TestSigners {

  private TestSigners() {}

  /** Signs the payload of a commit and returns the armored signature for its gpgsig header. */
  interface Signer {
    GpgSignature sign(byte[] payload) throws Exception;
  }

  /** An RSA OpenPGP key with one user id; sign() makes detached binary signatures. */
  static final class OpenPgpKey implements Signer {
    private final PGPKeyPair pair;
    private final String userId;
    private final long validSeconds;

    private OpenPgpKey(PGPKeyPair pair, String userId, long validSeconds) {
      this.pair = pair;
      this.userId = userId;
      this.validSeconds = validSeconds;
    }

    /** A key created an hour ago that never expires. */
    static OpenPgpKey generate(String userId) throws Exception {
      return generate(userId, 0);
    }

    /** A key created an hour ago, valid for {@code validSeconds} (0: for ever). */
    static OpenPgpKey generate(String userId, long validSeconds) throws Exception {
      RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
      generator.init(
          new RSAKeyGenerationParameters(
              BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 80));
      PGPKeyPair pair =
          new BcPGPKeyPair(
              PublicKeyPacket.VERSION_4,
              PublicKeyAlgorithmTags.RSA_GENERAL,
              generator.generateKeyPair(),
              Date.from(Instant.now().minusSeconds(3600)));
      return new OpenPgpKey(pair, userId, validSeconds);
    }

    /** Writes the armored public key (certified by itself, as gpg exports it) to {@code file}. */
    Path exportPublicKey(Path file) throws Exception {
      PGPSignatureSubpacketGenerator selfSignature = new PGPSignatureSubpacketGenerator();
      if (validSeconds > 0) {
        selfSignature.setKeyExpirationTime(false, validSeconds);
      }
      PGPKeyRingGenerator rings =
          new PGPKeyRingGenerator(
              PGPSignature.POSITIVE_CERTIFICATION,
              pair,
              userId,
              new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
              selfSignature.generate(),
              null,
              new BcPGPContentSignerBuilder(
                  PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256),
              null);
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = new ArmoredOutputStream(Files.newOutputStream(file))) {
        rings.generatePublicKeyRing().encode(out);
      }
      return file;
    }

    @Override
    public GpgSignature sign(byte[] payload) throws Exception {
      PGPSignatureGenerator generator =
          new PGPSignatureGenerator(
              new BcPGPContentSignerBuilder(
                  PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256),
              pair.getPublicKey());
      generator.init(PGPSignature.BINARY_DOCUMENT, pair.getPrivateKey());
      PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
      hashed.setSignatureCreationTime(false, new Date());
      hashed.setIssuerFingerprint(false, pair.getPublicKey());
      generator.setHashedSubpackets(hashed.generate());
      PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
      unhashed.setIssuerKeyID(false, pair.getKeyID());
      generator.setUnhashedSubpackets(unhashed.generate());
      generator.update(payload);
      ByteArrayOutputStream armored = new ByteArrayOutputStream();
      try (ArmoredOutputStream out = new ArmoredOutputStream(armored)) {
        generator.generate().encode(out);
      }
      return new GpgSignature(armored.toByteArray());
    }
  }

  /** An ECDSA P-256 SSH key pair on disk ({@code id} and {@code id.pub}), signing through JGit. */
  static final class SshKey implements Signer {
    private final Path publicKeyFile;
    private final String publicKey;
    private final Repository repository;

    private SshKey(Path publicKeyFile, String publicKey, Repository repository) {
      this.publicKeyFile = publicKeyFile;
      this.publicKey = publicKey;
      this.repository = repository;
    }

    /**
     * @param repository the repository the signer is asked to sign for (JGit's signer API needs
     *     one; it reads nothing from it when given a key file)
     */
    static SshKey generate(Path directory, Repository repository) throws Exception {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      Files.createDirectories(directory);
      Path privateKey = directory.resolve("id_ecdsa");
      try (OutputStream out = Files.newOutputStream(privateKey)) {
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "test", null, out);
      }
      String publicLine = PublicKeyEntry.toString(pair.getPublic());
      Path publicKeyFile = directory.resolve("id_ecdsa.pub");
      Files.writeString(publicKeyFile, publicLine + " test\n", StandardCharsets.US_ASCII);
      return new SshKey(publicKeyFile, publicLine, repository);
    }

    /** The key as an allowed-signers line for {@code principal}. */
    String allowedSignersLine(String principal) {
      return principal + " " + publicKey;
    }

    @Override
    public GpgSignature sign(byte[] payload) throws Exception {
      PersonIdent committer = new PersonIdent("Signer", "signer@example.com");
      return new SshSignerFactory()
          .create()
          .sign(
              repository,
              new GpgConfig(new Config()),
              payload,
              committer,
              publicKeyFile.toString(),
              null);
    }
  }
}
