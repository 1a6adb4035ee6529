package io.driftwatch.ingest.cluster.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.KubernetesObjects;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The first 128 bits of the SHA-256 of an object's JSON without what normalisation drops from its
 * metadata (resourceVersion, managedFields and the other server-set fields except generation and
 * deletionTimestamp, which the live state carries; bookkeeping annotations). Two observations of an
 * object with the same fingerprint publish the same live state, so the store keeps this instead of
 * the object. A cryptographic hash, because a collision would hide a real change: nobody can craft
 * an edit that keeps the fingerprint.
 *
 * @param high the first 64 bits
 * @param low the next 64 bits
 */
record Fingerprint(long high, long low) {

  private static final ObjectWriter WRITER = new ObjectMapper().writer();
  private static final List<String> EMPTY_IS_ABSENT = List.of("annotations", "labels");

  /**
   * Server-set metadata that normalisation drops entirely. {@code generation} and {@code
   * deletionTimestamp} are not among them: they are published beside the manifest, so a change of
   * either (a deletion with finalizers sets only the timestamp) must publish.
   */
  private static final Set<String> DROPPED_METADATA = dropped();

  /**
   * Fingerprints one object as the informer delivered it, read as JSON. Field order counts: the API
   * server writes an object's fields in a stable order, and a different order can only make an
   * unchanged object publish again, never hide a change.
   */
  static Fingerprint of(JsonNode object) {
    MessageDigest digest = sha256();
    try (OutputStream out = new DigestStream(digest)) {
      WRITER.writeValue(out, withoutServerFields(object));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteBuffer hash = ByteBuffer.wrap(digest.digest());
    return new Fingerprint(hash.getLong(), hash.getLong());
  }

  /** A shallow copy without the server-set metadata; the input is not modified. */
  private static JsonNode withoutServerFields(JsonNode object) {
    if (!(object instanceof ObjectNode top) || !(top.get("metadata") instanceof ObjectNode meta)) {
      return object;
    }
    ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    metadata.setAll(meta);
    metadata.remove(DROPPED_METADATA);
    if (meta.get("annotations") instanceof ObjectNode annotations) {
      ObjectNode kept = JsonNodeFactory.instance.objectNode();
      kept.setAll(annotations);
      kept.remove(KubernetesObjects.BOOKKEEPING_ANNOTATIONS);
      metadata.set("annotations", kept);
    }
    // As in normalisation, empty or null annotations and labels are the same as none.
    for (String field : EMPTY_IS_ABSENT) {
      JsonNode value = metadata.get(field);
      if (value != null && (value.isNull() || (value.isObject() && value.isEmpty()))) {
        metadata.remove(field);
      }
    }
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    copy.setAll(top);
    copy.set("metadata", metadata);
    return copy;
  }

  private static Set<String> dropped() {
    Set<String> dropped = new HashSet<>(KubernetesObjects.SERVER_SET_METADATA);
    dropped.remove("generation");
    dropped.remove("deletionTimestamp");
    return Set.copyOf(dropped);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** Feeds what Jackson writes straight into the digest, without a buffer of the whole JSON. */
  private static final class DigestStream extends OutputStream {
    private final MessageDigest digest;

    private DigestStream(MessageDigest digest) {
      this.digest = digest;
    }

    @Override
    public void write(int b) {
      digest.update((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      digest.update(b, off, len);
    }
  }
}
