package io.driftwatch.ingest.git.publish;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.model.serde.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
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
 *
 * <p>Precisely: SHA-256 of the path's UTF-8 bytes, a zero byte, and the shared mapper's JSON of the
 * manifest with every object's fields in sorted order. The JSON is streamed into the digest as it
 * is written, without a sorted copy of the tree or the bytes in memory: every object of a source is
 * hashed at every commit.
 */
public final class ContentHash {

  private ContentHash() {}

  public static String of(String path, JsonNode manifest) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
    }
    digest.update(path.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    try (JsonGenerator json =
        Json.mapper()
            .createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
      writeSorted(json, manifest);
    } catch (IOException e) {
      throw new UncheckedIOException("A manifest could not be written as JSON", e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void writeSorted(JsonGenerator json, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(names::add);
        Collections.sort(names);
        json.writeStartObject();
        for (String name : names) {
          json.writeFieldName(name);
          writeSorted(json, node.get(name));
        }
        json.writeEndObject();
      }
      case ARRAY -> {
        json.writeStartArray();
        for (JsonNode item : node) {
          writeSorted(json, item);
        }
        json.writeEndArray();
      }
      case STRING -> json.writeString(node.textValue());
      case BOOLEAN -> json.writeBoolean(node.booleanValue());
      case NULL -> json.writeNull();
      case NUMBER -> writeNumber(json, node);
      // Anything else (binary, a POJO) as the mapper writes it.
      default -> Json.mapper().writeTree(json, node);
    }
  }

  private static void writeNumber(JsonGenerator json, JsonNode node) throws IOException {
    switch (node.numberType()) {
      case INT -> json.writeNumber(node.intValue());
      case LONG -> json.writeNumber(node.longValue());
      // Decimals, floating point and big integers as the mapper writes them (its settings apply).
      default -> Json.mapper().writeTree(json, node);
    }
  }
}
