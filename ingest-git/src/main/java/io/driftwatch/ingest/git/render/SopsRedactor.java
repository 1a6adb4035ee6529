package io.driftwatch.ingest.git.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Makes a SOPS-encrypted manifest publishable: every encrypted value ({@code
 * ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]}) becomes {@code sops:sha256:<hex>}, the SHA-256 of the
 * whole encrypted value as written in Git, and the top-level {@code sops} metadata block
 * (recipients, encrypted data keys, MAC) is dropped. Flux decrypts such files before applying them;
 * driftwatch has no key and must not publish ciphertext, so the marker only says "an encrypted
 * value is here, and it is this one": it is stable across renders and changes when the ciphertext
 * changes.
 */
public final class SopsRedactor {

  /** Prefix of every marker; the diff engine does not compare a desired value that has it. */
  public static final String MARKER_PREFIX = "sops:sha256:";

  // SOPS writes one cipher only; data may be empty (an empty string encrypts to nothing).
  private static final Pattern ENCRYPTED =
      Pattern.compile(
          "ENC\\[AES256_GCM,data:[A-Za-z0-9+/=]*,iv:[A-Za-z0-9+/=]+,tag:[A-Za-z0-9+/=]+,"
              + "type:[a-z]+\\]");

  private static final List<String> IDENTITY =
      List.of("/apiVersion", "/kind", "/metadata/name", "/metadata/namespace");

  private SopsRedactor() {}

  /**
   * Replaces the encrypted values of {@code manifest} in place and drops its {@code sops} block.
   *
   * @return whether the manifest was SOPS-encrypted (had the block or an encrypted value)
   */
  public static boolean redact(ObjectNode manifest) {
    boolean encrypted = false;
    JsonNode metadata = manifest.get("sops");
    if (metadata != null
        && metadata.isObject()
        && (metadata.has("mac") || metadata.has("lastmodified"))) {
      manifest.remove("sops");
      encrypted = true;
    }
    return replaceEncrypted(manifest) || encrypted;
  }

  /** True for a value {@link #redact} wrote. */
  public static boolean isMarker(JsonNode value) {
    return value != null && value.isTextual() && value.textValue().startsWith(MARKER_PREFIX);
  }

  /**
   * The first identity field (apiVersion, kind, metadata.name, metadata.namespace) that is
   * encrypted, as a JSON pointer, or null. Such an object cannot be keyed: SOPS was run without an
   * {@code encrypted_regex}, so it encrypted everything.
   */
  public static String encryptedIdentityField(ObjectNode manifest) {
    for (String pointer : IDENTITY) {
      if (isMarker(manifest.at(pointer))) {
        return pointer;
      }
    }
    return null;
  }

  /**
   * Applies a Secret's value redaction to everything but the markers, which are kept as they are
   * under {@code data}: a marker stands for a value driftwatch cannot read, so hashing it again
   * would only make an unequal digest. {@code stringData} wins over {@code data} for a key in both,
   * as the API server merges them.
   */
  public static ObjectNode redactSecretKeepingMarkers(
      ObjectNode secret, UnaryOperator<ObjectNode> redaction) {
    Map<String, JsonNode> markers = new LinkedHashMap<>();
    if (secret.get("data") instanceof ObjectNode data) {
      takeMarkers(data, markers);
    }
    if (secret.get("stringData") instanceof ObjectNode stringData) {
      for (Map.Entry<String, JsonNode> entry : stringData.properties()) {
        if (!isMarker(entry.getValue())) {
          markers.remove(entry.getKey()); // a readable stringData value replaces data's
        }
      }
      takeMarkers(stringData, markers);
    }
    ObjectNode redacted = redaction.apply(secret);
    if (!markers.isEmpty()) {
      ObjectNode data =
          redacted.get("data") instanceof ObjectNode existing
              ? existing
              : redacted.putObject("data");
      data.setAll(markers);
    }
    return redacted;
  }

  private static void takeMarkers(ObjectNode values, Map<String, JsonNode> markers) {
    values
        .properties()
        .removeIf(
            entry -> {
              if (isMarker(entry.getValue())) {
                markers.put(entry.getKey(), entry.getValue());
                return true;
              }
              return false;
            });
  }

  private static boolean replaceEncrypted(JsonNode node) {
    boolean replaced = false;
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        if (isEncrypted(entry.getValue())) {
          entry.setValue(marker(entry.getValue().textValue()));
          replaced = true;
        } else {
          replaced |= replaceEncrypted(entry.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (isEncrypted(array.get(i))) {
          array.set(i, marker(array.get(i).textValue()));
          replaced = true;
        } else {
          replaced |= replaceEncrypted(array.get(i));
        }
      }
    }
    return replaced;
  }

  private static boolean isEncrypted(JsonNode value) {
    return value.isTextual() && ENCRYPTED.matcher(value.textValue()).matches();
  }

  private static TextNode marker(String encrypted) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(encrypted.getBytes(StandardCharsets.UTF_8));
      return TextNode.valueOf(MARKER_PREFIX + HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
    }
  }
}
