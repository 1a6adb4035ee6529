package io.driftwatch.ingest.git.render.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Skeleton: the patch helper implements it. */
public final class JsonPatch {

  private JsonPatch() {}

  /**
   * Applies RFC 6902 {@code operations} (a JSON array) to {@code target}, returning a new object.
   *
   * @throws PatchException when an operation fails (a missing path, a failed test)
   */
  public static ObjectNode apply(ObjectNode target, JsonNode operations) throws PatchException {
    throw new PatchException("not implemented yet" + target + operations);
  }
}
