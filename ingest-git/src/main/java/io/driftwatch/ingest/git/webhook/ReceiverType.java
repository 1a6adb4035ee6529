package io.driftwatch.ingest.git.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** How a receiver authenticates a call: the header that carries the proof and how it is checked. */
public enum ReceiverType {
  /** GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}. */
  GITHUB("github"),
  /** GitLab: {@code X-Gitlab-Token: <the secret>}. */
  GITLAB("gitlab"),
  /**
   * Any other sender: {@code X-Signature: <sha1|sha256|sha512>=<hex HMAC of the body>}, as Flux's
   * generic-hmac receiver.
   */
  GENERIC_HMAC("generic-hmac");

  private static final Map<String, String> HMAC_ALGORITHMS =
      Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256", "sha512", "HmacSHA512");

  private final String configName;

  ReceiverType(String configName) {
    this.configName = configName;
  }

  /** The name written in the configuration file. */
  public String configName() {
    return configName;
  }

  /** The type a configuration name means, if any. */
  public static Optional<ReceiverType> fromConfigName(String name) {
    for (ReceiverType type : values()) {
      if (type.configName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The header this type reads the proof from. */
  public String proofHeader() {
    return switch (this) {
      case GITHUB -> "X-Hub-Signature-256";
      case GITLAB -> "X-Gitlab-Token";
      case GENERIC_HMAC -> "X-Signature";
    };
  }

  /**
   * Whether {@code proof} (the value of {@link #proofHeader()}, null when absent) proves that the
   * sender knows {@code secret}. Comparisons take the same time however much of the proof matches.
   */
  public boolean verifies(String proof, byte[] body, byte[] secret) {
    if (proof == null || secret.length == 0) {
      return false;
    }
    return switch (this) {
      case GITLAB -> MessageDigest.isEqual(proof.getBytes(StandardCharsets.UTF_8), secret);
      case GITHUB ->
          proof.startsWith("sha256=") && hmacMatches("sha256", proof.substring(7), body, secret);
      case GENERIC_HMAC -> {
        int eq = proof.indexOf('=');
        yield eq > 0
            && hmacMatches(
                proof.substring(0, eq).toLowerCase(Locale.ROOT),
                proof.substring(eq + 1),
                body,
                secret);
      }
    };
  }

  private static boolean hmacMatches(String digest, String hex, byte[] body, byte[] secret) {
    String algorithm = HMAC_ALGORITHMS.get(digest);
    if (algorithm == null) {
      return false;
    }
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(hex.strip().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret, algorithm));
      return MessageDigest.isEqual(mac.doFinal(body), claimed);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("The JDK lacks " + algorithm, e);
    }
  }
}
