package io.driftwatch.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field where desired and live disagree.
 *
 * @param path JSON Pointer (RFC 6901): into the desired manifest (list items by their index in
 *     desired), or into the live manifest for a field only live has
 * @param desired the value Git declares, or null when Git does not declare the field
 * @param live the value in the cluster, or null when the cluster lacks the field
 * @param owner the live managedFields entry that owns the field, or null when none does
 */
public record FieldDiff(String path, JsonNode desired, JsonNode live, FieldOwner owner) {

  /** A difference with no known owner. */
  public FieldDiff(String path, JsonNode desired, JsonNode live) {
    this(path, desired, live, null);
  }
}
