package io.driftwatch.ingest.cluster.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.driftwatch.ingest.cluster.normalize.LiveStateNormalizer;
import io.driftwatch.ingest.cluster.normalize.MalformedObjectException;
import io.driftwatch.model.KubernetesObjects;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ReconcilerStatus.Condition;
import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import io.driftwatch.model.ResourceKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One reconciler object under normalisation: its identity, spec and status, and lenient readers for
 * the fields the normalisers take. A scalar of an unexpected type reads as absent (controllers add
 * and retype fields between versions); a list the normaliser must walk that is not a list is a
 * malformed object.
 */
final class ObservedReconciler {

  private final String cluster;
  private final String origin;
  private final ResourceKey key;
  private final JsonNode object;
  private final JsonNode spec;
  private final JsonNode status;
  private final Long generation;
  private final Instant observedAt;

  private ObservedReconciler(
      String cluster, String origin, ResourceKey key, JsonNode object, Instant observedAt) {
    this.cluster = cluster;
    this.origin = origin;
    this.key = key;
    this.object = object;
    this.spec = object.path("spec");
    this.status = object.path("status");
    this.generation = longOrNull(object.path("metadata").path("generation"));
    this.observedAt = observedAt;
  }

  /**
   * Reads the identity of a reconciler object.
   *
   * @throws MalformedObjectException when it lacks apiVersion, kind or metadata.name, or when its
   *     spec or status is not an object
   */
  static ObservedReconciler of(String cluster, JsonNode object, Instant observedAt)
      throws MalformedObjectException {
    String origin = LiveStateNormalizer.origin(cluster, object);
    if (object == null || !object.isObject()) {
      throw new MalformedObjectException(origin, "the object is not a JSON object");
    }
    List<String> missing = KubernetesObjects.missingIdentity(object);
    if (!missing.isEmpty()) {
      throw new MalformedObjectException(origin, String.join(", ", missing) + " missing or empty");
    }
    for (String part : List.of("spec", "status")) {
      JsonNode node = object.get(part);
      if (node != null && !node.isNull() && !node.isObject()) {
        throw new MalformedObjectException(origin, part + " is not an object");
      }
    }
    JsonNode namespace = object.path("metadata").path("namespace");
    ResourceKey key =
        ResourceKey.of(
            cluster,
            object.get("apiVersion").asText(),
            object.get("kind").asText(),
            namespace.isTextual() ? namespace.asText() : null,
            object.path("metadata").path("name").asText());
    return new ObservedReconciler(cluster, origin, key, object, observedAt);
  }

  String cluster() {
    return cluster;
  }

  ResourceKey key() {
    return key;
  }

  /** The whole object as observed. */
  JsonNode object() {
    return object;
  }

  /** {@code spec}, or a missing node. */
  JsonNode spec() {
    return spec;
  }

  /** {@code status}, or a missing node. */
  JsonNode status() {
    return status;
  }

  /** {@code metadata.generation}, or null. */
  Long generation() {
    return generation;
  }

  /** A label of the object, or null. */
  String label(String name) {
    return text(object.path("metadata").path("labels").path(name));
  }

  /**
   * The array at {@code node}, empty when absent or null.
   *
   * @param path how the error names it, such as {@code status.conditions}
   * @throws MalformedObjectException when it is present and not an array
   */
  List<JsonNode> array(JsonNode node, String path) throws MalformedObjectException {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw malformed(path + " is not a list");
    }
    List<JsonNode> items = new ArrayList<>(node.size());
    node.forEach(items::add);
    return items;
  }

  /** A problem with this object's status, for the dead-letter topic; never quotes a value. */
  MalformedObjectException malformed(String problem) {
    return new MalformedObjectException(
        origin,
        "reconciler status: "
            + problem
            + "; the controller of "
            + key.kind()
            + " wrote a shape driftwatch does not read (check the controller version against"
            + " docs/reconcilers.md)");
  }

  /** The normalised record of this object. */
  ReconcilerStatus toStatus(
      ReconcilerTool tool,
      Verdict verdict,
      boolean suspended,
      String lastAppliedRevision,
      String lastAttemptedRevision,
      Long observedGeneration,
      List<Condition> conditions,
      List<ResourceKey> inventory) {
    return new ReconcilerStatus(
        ReconcilerStatus.SCHEMA_VERSION,
        key,
        tool,
        verdict.ready(),
        verdict.reason(),
        verdict.message(),
        suspended,
        lastAppliedRevision,
        lastAttemptedRevision,
        generation,
        observedGeneration,
        conditions,
        inventory,
        observedAt);
  }

  /** The text of a string node, else null (absent, null, blank or another type). */
  static String text(JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
  }

  /** The value of an integral number node, else null. */
  static Long longOrNull(JsonNode node) {
    return node != null && node.isIntegralNumber() && node.canConvertToLong()
        ? node.asLong()
        : null;
  }

  /** The node at a dotted path under {@code root}, or a missing node. */
  static JsonNode at(JsonNode root, String... path) {
    JsonNode node = root == null ? MissingNode.getInstance() : root;
    for (String field : path) {
      node = node.path(field);
    }
    return node;
  }
}
