package io.driftwatch.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.UncheckedIOException;

/** Test manifests written as YAML text blocks. */
public final class YamlText {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private YamlText() {}

  /** The YAML (or JSON) document {@code text} as an object. */
  public static ObjectNode object(String text) {
    return (ObjectNode) node(text);
  }

  /** The YAML (or JSON) value {@code text}. */
  public static JsonNode node(String text) {
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
