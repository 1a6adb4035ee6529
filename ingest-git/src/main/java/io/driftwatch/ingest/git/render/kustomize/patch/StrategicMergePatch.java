package io.driftwatch.ingest.git.render.kustomize.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Skeleton: the patch helper implements it. */
public final class StrategicMergePatch {

  private StrategicMergePatch() {}

  /**
   * Applies {@code patch} to {@code target} as kustomize does, returning a new object; neither
   * input is modified.
   *
   * @throws PatchException when the patch cannot apply (a directive it does not know, a type
   *     mismatch)
   */
  public static ObjectNode apply(ObjectNode target, ObjectNode patch) throws PatchException {
    throw new PatchException("not implemented yet" + target + patch);
  }
}
