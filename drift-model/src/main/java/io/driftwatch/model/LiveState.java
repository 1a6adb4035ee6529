package io.driftwatch.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A resource as observed in a cluster, normalised at the edge: the value of {@code
 * gitops.live-state.v1}. Server-set metadata is stripped, {@code status} is carried apart from the
 * manifest (for health), and Secret values are replaced by their keyed HMAC. A deleted object is a
 * tombstone under the same key.
 *
 * <p>{@code generation} and {@code deletionTimestamp} were added within schema version 1 (consumers
 * ignore fields they do not know): records written before them read back with both null.
 *
 * @param resourceVersion the API server's resourceVersion of the observation, for ordering and
 *     debugging
 * @param observedAt when ingest-cluster saw this version
 * @param manifest the normalised object without {@code status} and without {@code
 *     metadata.managedFields}
 * @param status the object's {@code status}, or null when it has none
 * @param managedFields the object's {@code metadata.managedFields} entries (manager, operation,
 *     time, fieldsV1), or null when the server sent none; drift-stream uses them to attribute each
 *     differing field to who set it
 * @param managedBy the reconciler object that manages this one according to its ownership marks
 *     (Flux {@code kustomize.toolkit.fluxcd.io/name}+{@code namespace} or helm-controller labels,
 *     Argo CD tracking annotation or instance label, OpenChoreo labels), or null when no GitOps
 *     tool claims it; drift-stream tells a managed orphan from an unmanaged object by it
 * @param generation the object's {@code metadata.generation}, or null when the server sent none;
 *     server-set, so not in {@code manifest} (the diff must not see it), but health needs it to
 *     tell whether the controller has observed the current spec
 * @param deletionTimestamp the object's {@code metadata.deletionTimestamp}, or null when it is not
 *     being deleted; kept out of {@code manifest} for the same reason, read by health ("pending
 *     deletion")
 */
public record LiveState(
    int schemaVersion,
    ResourceKey key,
    String resourceVersion,
    Instant observedAt,
    ObjectNode manifest,
    ObjectNode status,
    ArrayNode managedFields,
    ResourceKey managedBy,
    Long generation,
    Instant deletionTimestamp) {

  public static final int SCHEMA_VERSION = 1;

  /**
   * The annotation ingest-cluster puts on the stub it publishes instead of an object over {@code
   * ingestCluster.maxObjectBytes}; its value is the object's size ({@code "<n> bytes"}).
   */
  public static final String TRUNCATED_ANNOTATION = "driftwatch.io/truncated";

  /** An observation without ownership marks. */
  public static LiveState of(
      ResourceKey key,
      String resourceVersion,
      Instant observedAt,
      ObjectNode manifest,
      ObjectNode status,
      ArrayNode managedFields) {
    return new LiveState(
        SCHEMA_VERSION,
        key,
        resourceVersion,
        observedAt,
        manifest,
        status,
        managedFields,
        null,
        null,
        null);
  }

  /** This observation, marked as managed by {@code reconciler} (null: by none). */
  public LiveState withManagedBy(ResourceKey reconciler) {
    return new LiveState(
        schemaVersion,
        key,
        resourceVersion,
        observedAt,
        manifest,
        status,
        managedFields,
        reconciler,
        generation,
        deletionTimestamp);
  }

  /**
   * This observation with the object's server-set {@code generation} and {@code deletionTimestamp}
   * (either null: the server sent none).
   */
  public LiveState withLifecycle(Long generation, Instant deletionTimestamp) {
    return new LiveState(
        schemaVersion,
        key,
        resourceVersion,
        observedAt,
        manifest,
        status,
        managedFields,
        managedBy,
        generation,
        deletionTimestamp);
  }

  /**
   * The size this object had when ingest-cluster published a stub instead of it, or null when this
   * is the object itself: a stub's fields are not the object's and cannot be compared.
   */
  public String truncatedSize() {
    JsonNode size =
        manifest == null
            ? null
            : manifest.path("metadata").path("annotations").get(TRUNCATED_ANNOTATION);
    return size == null ? null : size.asText();
  }
}
