package io.driftwatch.ingest.git.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.serde.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 of a desired object's content: its file path and its manifest with object fields sorted,
 * so that reordering keys in YAML is no change, and so that the hash of a manifest read back from
 * the topic equals the hash of the same manifest freshly rendered.
 */
public final class ContentHash {

  private ContentHash() {}

  public static String of(String path, JsonNode manifest) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(path.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(Json.mapper().writeValueAsBytes(sorted(manifest)));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A manifest could not be written as JSON", e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode out = Json.mapper().createObjectNode();
      for (String name : names) {
        out.set(name, sorted(node.get(name)));
      }
      return out;
    }
    if (node.isArray()) {
      var out = Json.mapper().createArrayNode();
      node.forEach(item -> out.add(sorted(item)));
      return out;
    }
    return node;
  }
}
