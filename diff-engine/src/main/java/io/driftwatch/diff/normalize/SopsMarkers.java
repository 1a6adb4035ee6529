package io.driftwatch.diff.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The opaque markers ingest-git publishes in place of SOPS-encrypted values ({@code
 * sops:sha256:<hex>}, docs/drift-semantics.md §8). Live holds the decrypted value, which driftwatch
 * cannot relate to a hash of ciphertext, so a desired marker is not comparable: the field must be
 * present live, and its value is not compared.
 */
public final class SopsMarkers {

  /** Prefix of every marker, as ingest-git's SopsRedactor writes it. */
  public static final String PREFIX = "sops:sha256:";

  private SopsMarkers() {}

  /** True for a desired value that stands for a SOPS-encrypted one. */
  public static boolean isMarker(JsonNode value) {
    return value != null && value.isTextual() && value.textValue().startsWith(PREFIX);
  }

  /**
   * Takes the markers out of a Secret's {@code data} and {@code stringData} before its values are
   * redacted (an HMAC of a marker would be a digest no live value ever has), in the order the API
   * server merges them: a {@code stringData} key replaces the {@code data} key of the same name.
   *
   * @return the markers by key, to {@link #restore} after redaction
   */
  static Map<String, JsonNode> takeFromSecret(ObjectNode secret) {
    Map<String, JsonNode> markers = new LinkedHashMap<>();
    if (secret.get("data") instanceof ObjectNode data) {
      take(data, markers);
    }
    if (secret.get("stringData") instanceof ObjectNode stringData) {
      stringData.fieldNames().forEachRemaining(markers::remove);
      take(stringData, markers);
    }
    return markers;
  }

  /** Puts markers taken by {@link #takeFromSecret} back under {@code data}. */
  static void restore(ObjectNode secret, Map<String, JsonNode> markers) {
    if (markers.isEmpty()) {
      return;
    }
    ObjectNode data =
        secret.get("data") instanceof ObjectNode existing ? existing : secret.putObject("data");
    data.setAll(markers);
  }

  private static void take(ObjectNode values, Map<String, JsonNode> markers) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    values
        .properties()
        .forEach(
            e -> {
              if (isMarker(e.getValue())) {
                found.put(e.getKey(), e.getValue());
              }
            });
    values.remove(found.keySet());
    markers.putAll(found);
  }
}
