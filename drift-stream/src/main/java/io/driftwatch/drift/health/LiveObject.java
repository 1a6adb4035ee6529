package io.driftwatch.drift.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Read-only typed access to one live object's manifest and status for the health rules. An absent
 * or null field reads as Go's zero value (0, "", false, empty list), which is what Argo CD's rules
 * see for an absent field; a field of the wrong JSON type throws {@link UnreadableFieldException}.
 */
final class LiveObject {

  private final ObjectNode manifest;
  private final JsonNode status;

  LiveObject(ObjectNode manifest, ObjectNode status) {
    this.manifest = Objects.requireNonNull(manifest, "manifest");
    this.status = status == null ? MissingNode.getInstance() : status;
  }

  String apiVersion() {
    return text(manifest.path("apiVersion"), "apiVersion");
  }

  String kind() {
    return text(manifest.path("kind"), "kind");
  }

  String name() {
    return text(manifest.path("metadata").path("name"), "metadata.name");
  }

  JsonNode metadata() {
    return manifest.path("metadata");
  }

  JsonNode spec() {
    return manifest.path("spec");
  }

  JsonNode status() {
    return status;
  }

  /**
   * {@code metadata.generation}, or 0 when the manifest does not carry it (ingest-cluster strips
   * server-set metadata; see docs/health.md).
   */
  long generation() {
    return count(metadata().path("generation"), "metadata.generation");
  }

  /** An integer field; 0 when absent. */
  static long count(JsonNode node, String field) {
    return optionalCount(node, field).orElse(0);
  }

  /** An integer field, or empty when absent. */
  static OptionalLong optionalCount(JsonNode node, String field) {
    if (absent(node)) {
      return OptionalLong.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new UnreadableFieldException(field, describe(node), "an integer");
    }
    return OptionalLong.of(node.longValue());
  }

  /** A string field; "" when absent. */
  static String text(JsonNode node, String field) {
    if (absent(node)) {
      return "";
    }
    if (!node.isTextual()) {
      throw new UnreadableFieldException(field, describe(node), "a string");
    }
    return node.textValue();
  }

  /** A boolean field; false when absent. */
  static boolean flag(JsonNode node, String field) {
    if (absent(node)) {
      return false;
    }
    if (!node.isBoolean()) {
      throw new UnreadableFieldException(field, describe(node), "a boolean");
    }
    return node.booleanValue();
  }

  /** The elements of an array field; empty when absent. */
  static List<JsonNode> list(JsonNode node, String field) {
    if (absent(node)) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new UnreadableFieldException(field, describe(node), "an array");
    }
    List<JsonNode> elements = new ArrayList<>(node.size());
    node.forEach(elements::add);
    return elements;
  }

  /**
   * The first condition of {@code type} in the conditions array {@code conditions} (a
   * Kubernetes-style list of {@code type}, {@code status}, {@code reason}, {@code message}).
   */
  static Optional<JsonNode> condition(JsonNode conditions, String type, String field) {
    for (JsonNode condition : list(conditions, field)) {
      if (type.equals(text(condition.path("type"), field + "[].type"))) {
        return Optional.of(condition);
      }
    }
    return Optional.empty();
  }

  static boolean absent(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull();
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a non-integer number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      default -> "of JSON type " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
