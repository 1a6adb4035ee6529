package io.driftwatch.diff.ignore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;

/** Test documents written as YAML, the way users write rules and manifests. */
final class Yaml {

  private static final YAMLMapper MAPPER = new YAMLMapper();

  private Yaml() {}

  static JsonNode node(String yaml) {
    try {
      return MAPPER.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode object(String yaml) {
    return (ObjectNode) node(yaml);
  }

  static IgnoreRules rules(String yaml) {
    return IgnoreRules.parse(node(yaml), "rules.yaml");
  }
}
