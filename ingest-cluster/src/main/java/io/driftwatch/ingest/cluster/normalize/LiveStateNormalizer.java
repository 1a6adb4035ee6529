package io.driftwatch.ingest.cluster.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.KubernetesObjects;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.secret.SecretRedactor;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * Turns an object as the API server returns it into a {@link LiveState}: server-set metadata and
 * bookkeeping annotations are stripped from the manifest ({@code generation} and {@code
 * deletionTimestamp} travel beside it, for health), {@code status} is split out of the manifest, a
 * Secret's values are replaced by their keyed HMAC, and the reconciler that manages the object is
 * read from its {@link OwnershipMarks} before the marks that only record ownership (Argo CD's
 * tracking id) are stripped too. A pure function of its input and the clock.
 */
public final class LiveStateNormalizer {

  private static final List<String> MANAGED_FIELDS_KEPT =
      List.of("manager", "operation", "time", "subresource", "fieldsType", "fieldsV1");

  private final SecretRedactor redactor;
  private final OwnershipMarks marks;
  private final Clock clock;

  /** A normaliser reading ownership marks with Argo CD in its default namespace. */
  public LiveStateNormalizer(SecretRedactor redactor, Clock clock) {
    this(redactor, new OwnershipMarks(), clock);
  }

  public LiveStateNormalizer(SecretRedactor redactor, OwnershipMarks marks, Clock clock) {
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.marks = Objects.requireNonNull(marks, "marks");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Normalises one observed object. The input is not modified.
   *
   * @throws MalformedObjectException when the object lacks what identifies it (apiVersion, kind,
   *     metadata.name) or has a non-object metadata or status
   */
  public LiveState normalize(String cluster, JsonNode object) throws MalformedObjectException {
    String origin = origin(cluster, object);
    if (object == null || !object.isObject()) {
      throw new MalformedObjectException(origin, "the object is not a JSON object");
    }
    String apiVersion = requireText(object, "apiVersion", origin);
    String kind = requireText(object, "kind", origin);
    JsonNode metadataNode = object.get("metadata");
    if (metadataNode == null || !metadataNode.isObject()) {
      throw new MalformedObjectException(origin, "metadata is missing or not an object");
    }
    String name = requireText(metadataNode, "name", origin, "metadata.name");
    JsonNode namespaceNode = metadataNode.get("namespace");
    if (namespaceNode != null && !namespaceNode.isNull() && !namespaceNode.isTextual()) {
      throw new MalformedObjectException(origin, "metadata.namespace is not a string");
    }
    JsonNode statusNode = object.get("status");
    if (statusNode != null && !statusNode.isNull() && !statusNode.isObject()) {
      throw new MalformedObjectException(origin, "status is not an object");
    }

    Long generation = generation(metadataNode.get("generation"), origin);
    Instant deletionTimestamp = deletionTimestamp(metadataNode.get("deletionTimestamp"), origin);
    ResourceKey managedBy = marks.managedBy(cluster, object);
    ObjectNode manifest = ((ObjectNode) object).deepCopy();
    ObjectNode metadata = (ObjectNode) manifest.get("metadata");
    String resourceVersion = textOrNull(metadata.get("resourceVersion"));
    ArrayNode managedFields = managedFields(metadata.get("managedFields"));
    metadata.remove(KubernetesObjects.SERVER_SET_METADATA);
    JsonNode annotations = metadata.get("annotations");
    if (annotations instanceof ObjectNode annotationMap) {
      annotationMap.remove(KubernetesObjects.BOOKKEEPING_ANNOTATIONS);
    }
    dropIfEmpty(metadata, "annotations");
    dropIfEmpty(metadata, "labels");
    JsonNode status = manifest.remove("status");
    redactor.redact(manifest);

    ResourceKey key =
        ResourceKey.of(cluster, apiVersion, kind, textOrNull(metadata.get("namespace")), name);
    return LiveState.of(
            key,
            resourceVersion,
            clock.instant(),
            manifest,
            status instanceof ObjectNode statusObject ? statusObject : null,
            managedFields)
        .withManagedBy(managedBy)
        .withLifecycle(generation, deletionTimestamp);
  }

  /**
   * {@code metadata.generation}, which the diff never sees but health needs (has the controller
   * observed the current spec?); null when absent.
   */
  private static Long generation(JsonNode node, String origin) throws MalformedObjectException {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new MalformedObjectException(origin, "metadata.generation is not an integer");
    }
    return node.longValue();
  }

  /**
   * {@code metadata.deletionTimestamp} (RFC 3339), for health's "pending deletion"; null when
   * absent.
   */
  private static Instant deletionTimestamp(JsonNode node, String origin)
      throws MalformedObjectException {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new MalformedObjectException(origin, "metadata.deletionTimestamp is not a string");
    }
    try {
      return OffsetDateTime.parse(node.textValue()).toInstant();
    } catch (DateTimeParseException e) {
      throw new MalformedObjectException(
          origin, "metadata.deletionTimestamp is not an RFC 3339 time");
    }
  }

  /**
   * The managedFields entries drift-stream needs to attribute a field: manager, operation, time,
   * subresource and the fields owned. Entries that are not objects are dropped; none at all is
   * null.
   */
  private static ArrayNode managedFields(JsonNode entries) {
    if (entries == null || !entries.isArray() || entries.isEmpty()) {
      return null;
    }
    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
    for (JsonNode entry : entries) {
      if (!entry.isObject()) {
        continue;
      }
      ObjectNode summary = kept.addObject();
      for (String field : MANAGED_FIELDS_KEPT) {
        if (entry.hasNonNull(field)) {
          summary.set(field, entry.get(field).deepCopy());
        }
      }
    }
    return kept.isEmpty() ? null : kept;
  }

  /**
   * Where an object came from, as dead letters name it: {@code
   * <cluster>/<apiVersion>/<kind>/<namespace>/<name>}, with an empty segment for what is unknown.
   */
  public static String origin(String cluster, JsonNode object) {
    JsonNode safe = object == null ? MissingNode.getInstance() : object;
    return cluster
        + "/"
        + safe.path("apiVersion").asText("")
        + "/"
        + safe.path("kind").asText("")
        + "/"
        + safe.path("metadata").path("namespace").asText("")
        + "/"
        + safe.path("metadata").path("name").asText("");
  }

  private static String requireText(JsonNode node, String field, String origin)
      throws MalformedObjectException {
    return requireText(node, field, origin, field);
  }

  private static String requireText(JsonNode node, String field, String origin, String path)
      throws MalformedObjectException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new MalformedObjectException(origin, path + " is missing or empty");
    }
    return value.asText();
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static void dropIfEmpty(ObjectNode parent, String field) {
    JsonNode value = parent.get(field);
    if (value != null && (value.isNull() || (value.isObject() && value.isEmpty()))) {
      parent.remove(field);
    }
  }
}
