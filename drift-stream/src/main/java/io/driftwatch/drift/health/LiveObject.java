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
  private final Long generation;
  private final boolean deletionRequested;

  /** An object whose manifest carries its own {@code generation} and {@code deletionTimestamp}. */
  LiveObject(ObjectNode manifest, ObjectNode status) {
    this(manifest, status, null, false);
  }

  /**
   * An object whose server-set {@code generation} and deletion mark travel beside its manifest, as
   * on {@code gitops.live-state.v1}; a null generation or a false mark falls back to the manifest.
   */
  LiveObject(ObjectNode manifest, ObjectNode status, Long generation, boolean deletionRequested) {
    this.manifest = Objects.requireNonNull(manifest, "manifest");
    this.status = status == null ? MissingNode.getInstance() : status;
    this.generation = generation;
    this.deletionRequested = deletionRequested;
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
   * The object's generation: the one carried beside the manifest ({@code LiveState.generation}),
   * else {@code metadata.generation}, else 0 (a record written before ingest-cluster published it).
   */
  long generation() {
    if (generation != null) {
      return generation;
    }
    return count(metadata().path("generation"), "metadata.generation");
  }

  /**
   * True when the object is being deleted: a deletion timestamp beside the manifest ({@code
   * LiveState.deletionTimestamp}) or in {@code metadata}.
   */
  boolean deletionRequested() {
    return deletionRequested || !absent(metadata().path("deletionTimestamp"));
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
