package io.driftwatch.ingest.cluster.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.topic.Topics;

/**
 * Bounds what one live state may weigh on {@code gitops.live-state.v1}. A live state whose
 * serialised form is larger than the limit is replaced by a stub that keeps its identity
 * (apiVersion, kind, name, namespace, labels, resourceVersion, managedBy, generation,
 * deletionTimestamp) and carries the annotation {@value LiveState#TRUNCATED_ANNOTATION} with its
 * size; its manifest body, status and managedFields are dropped. drift-stream must treat such a
 * live state as not comparable (docs/drift-semantics.md).
 */
public final class LiveStateSizeLimit {

  /**
   * The annotation that marks a stub; its value is the size withheld, e.g. {@code 1572864 bytes}.
   */
  private final long maxBytes;

  /**
   * @param maxBytes the largest serialised live state published as it is
   */
  public LiveStateSizeLimit(long maxBytes) {
    if (maxBytes < 1024) {
      throw new IllegalArgumentException("maxBytes must be at least 1024, not " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** The limit in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * What to publish for {@code live}.
   *
   * @param published {@code live} itself, or its stub
   * @param bytes the size of {@code live} serialised
   * @param truncated true when {@code published} is a stub
   */
  public record Bounded(LiveState published, long bytes, boolean truncated) {}

  /** {@code live} when it fits, else its stub. */
  public Bounded bound(LiveState live) {
    long bytes = serialisedSize(live);
    if (bytes <= maxBytes) {
      return new Bounded(live, bytes, false);
    }
    LiveState stub = stub(live, bytes, true);
    if (serialisedSize(stub) > maxBytes) {
      // Labels are bounded per value, not in number: drop them rather than exceed the limit.
      stub = stub(live, bytes, false);
    }
    return new Bounded(stub, bytes, true);
  }

  private static LiveState stub(LiveState live, long bytes, boolean keepLabels) {
    ObjectNode source = live.manifest();
    ObjectNode manifest = source.objectNode();
    copy(source, manifest, "apiVersion");
    copy(source, manifest, "kind");
    ObjectNode metadata = manifest.putObject("metadata");
    JsonNode sourceMetadata = source.path("metadata");
    if (sourceMetadata instanceof ObjectNode from) {
      copy(from, metadata, "name");
      copy(from, metadata, "namespace");
      if (keepLabels) {
        copy(from, metadata, "labels");
      }
    }
    metadata.putObject("annotations").put(LiveState.TRUNCATED_ANNOTATION, bytes + " bytes");
    return new LiveState(
        live.schemaVersion(),
        live.key(),
        live.resourceVersion(),
        live.observedAt(),
        manifest,
        null,
        null,
        live.managedBy(),
        live.generation(),
        live.deletionTimestamp());
  }

  private static void copy(ObjectNode from, ObjectNode to, String field) {
    JsonNode value = from.get(field);
    if (value != null && !value.isNull()) {
      to.set(field, value.deepCopy());
    }
  }

  private static long serialisedSize(LiveState live) {
    return Topics.LIVE_STATE
        .valueSerde()
        .serializer()
        .serialize(Topics.LIVE_STATE.name(), live)
        .length;
  }
}
