package io.driftwatch.ingest.git.render.kustomize.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * kustomize v5.5.0's name suffix for a ConfigMap or Secret.
 *
 * <p>kustomize builds a small map and marshals it with Go's encoding/json (see {@link
 * GoJsonEncoder}): for a ConfigMap {@code kind}, {@code name}, {@code data} and, when it is a map,
 * {@code binaryData}; for a Secret {@code kind}, {@code name}, {@code type}, {@code data} and, when
 * it is a map, {@code stringData}. Each field is looked up by a single top-level key; kustomize
 * looks the name up as the one key {@code "metadata/name"}, which no object has, so {@code name} is
 * always the empty string and the suffix depends on the content only (two generators with the same
 * data get the same suffix, and a namePrefix does not change it). A missing field is the empty
 * string, a map field is the map, a scalar is its text. The SHA-256 of that text in lower-case hex
 * is cut to its first 10 characters and {@code 0 1 3 a e} become {@code g h k m t}, so the suffix
 * has no vowels and no characters that read as others.
 */
final class ContentHash {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ContentHash() {}

  static String suffix(ObjectNode object) {
    String kind = object.path("kind").asText("");
    ObjectNode hashed = NODES.objectNode();
    hashed.put("kind", kind);
    switch (kind) {
      case "ConfigMap" -> {
        hashed.set("name", field(object, "metadata/name"));
        hashed.set("data", field(object, "data"));
        if (object.path("binaryData").isObject()) {
          hashed.set("binaryData", object.get("binaryData"));
        }
      }
      case "Secret" -> {
        hashed.set("type", field(object, "type"));
        hashed.set("name", field(object, "metadata/name"));
        hashed.set("data", field(object, "data"));
        if (object.path("stringData").isObject()) {
          hashed.set("stringData", object.get("stringData"));
        }
      }
      default ->
          throw new IllegalArgumentException(
              "kustomize's name hash is defined for ConfigMap and Secret, not '" + kind + "'");
    }
    return encode(sha256Hex(GoJsonEncoder.encode(hashed)));
  }

  /**
   * One field as kustomize's lookup yields it: absent or null is the empty string, a map stays a
   * map, a list becomes null (kustomize decodes it into a map and fails silently), a scalar is its
   * text.
   */
  private static JsonNode field(ObjectNode object, String key) {
    JsonNode value = object.get(key);
    if (value == null || value.isNull()) {
      return NODES.textNode("");
    }
    if (value.isObject()) {
      return value;
    }
    if (value.isArray()) {
      return NODES.nullNode();
    }
    return NODES.textNode(value.asText());
  }

  static String encode(String hex) {
    StringBuilder out = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      char c = hex.charAt(i);
      out.append(
          switch (c) {
            case '0' -> 'g';
            case '1' -> 'h';
            case '3' -> 'k';
            case 'a' -> 'm';
            case 'e' -> 't';
            default -> c;
          });
    }
    return out.toString();
  }

  private static String sha256Hex(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(digest.length * 2);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
