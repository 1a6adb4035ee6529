package io.driftwatch.model.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces the values of a core {@code v1/Secret} with {@code hmac-sha256:<hex>} of their decoded
 * bytes under a key that belongs to the deployment and never travels. {@code stringData} is folded
 * into {@code data} first (it wins, as the API server does), so a Secret written either way in Git
 * compares equal to the one the cluster stores. The {@code
 * kubectl.kubernetes.io/last-applied-configuration} annotation of a Secret holds its values too, so
 * it is removed.
 */
public final class SecretRedactor {

  /** Prefix of every redacted value. */
  public static final String PREFIX = "hmac-sha256:";

  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  private static final int MIN_KEY_BYTES = 16;

  private final SecretKeySpec key;

  public SecretRedactor(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "The Secret HMAC key must be at least " + MIN_KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /**
   * A redactor with a fresh random key, for comparisons whose digests never leave the process (a
   * {@code driftwatch diff} run, or drift-stream's defensive pass over input that ingest already
   * redacted).
   */
  public static SecretRedactor withRandomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new SecretRedactor(key);
  }

  /** True for a core Secret manifest, the only kind whose values are redacted. */
  public static boolean isSecret(JsonNode manifest) {
    return manifest != null
        && "v1".equals(manifest.path("apiVersion").asText())
        && "Secret".equals(manifest.path("kind").asText());
  }

  /**
   * Redacts the manifest in place when it is a Secret, and returns it. Other kinds are returned
   * untouched.
   */
  public ObjectNode redact(ObjectNode manifest) {
    if (!isSecret(manifest)) {
      return manifest;
    }
    ObjectNode data =
        manifest.has("data") && manifest.get("data").isObject()
            ? (ObjectNode) manifest.get("data")
            : manifest.objectNode();
    for (Map.Entry<String, JsonNode> entry : data.properties()) {
      String value = entry.getValue().asText();
      if (!value.startsWith(PREFIX)) {
        entry.setValue(manifest.textNode(hmac(decodeBase64(value))));
      }
    }
    JsonNode stringData = manifest.get("stringData");
    if (stringData != null && stringData.isObject()) {
      for (Map.Entry<String, JsonNode> entry : stringData.properties()) {
        data.put(entry.getKey(), hmac(entry.getValue().asText().getBytes(StandardCharsets.UTF_8)));
      }
    }
    manifest.remove("stringData");
    if (!data.isEmpty()) {
      manifest.set("data", data);
    }
    JsonNode annotations = manifest.path("metadata").path("annotations");
    if (annotations.isObject()) {
      ((ObjectNode) annotations).remove(LAST_APPLIED);
    }
    return manifest;
  }

  private String hmac(byte[] value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(value));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
    }
  }

  private static byte[] decodeBase64(String text) {
    try {
      return Base64.getMimeDecoder().decode(text);
    } catch (IllegalArgumentException notBase64) {
      // The API server would refuse it; hash the raw text so that it still compares, without
      // revealing it.
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }
}
