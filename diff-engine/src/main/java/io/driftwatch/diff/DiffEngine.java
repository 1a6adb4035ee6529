package io.driftwatch.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Decides, for one resource, whether desired and live agree. See the package documentation and
 * docs/drift-semantics.md for the rules. Thread-safe; the inputs are never modified.
 */
public final class DiffEngine {

  private final DiffOptions options;

  public DiffEngine(DiffOptions options) {
    this.options = options;
  }

  /**
   * @param desired the manifest Git declares, or null when Git does not declare the object
   * @param live the object as the API server returns it (metadata.managedFields and status
   *     included), or null
   * @throws IllegalArgumentException when both are null
   */
  public DiffResult diff(ObjectNode desired, ObjectNode live) {
    throw new UnsupportedOperationException("not implemented yet " + options);
  }
}
