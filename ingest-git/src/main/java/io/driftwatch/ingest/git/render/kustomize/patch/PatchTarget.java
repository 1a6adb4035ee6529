package io.driftwatch.ingest.git.render.kustomize.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which objects a patch applies to: kustomize's {@code target} (group, version, kind, name,
 * namespace as regular expressions, labelSelector, annotationSelector). Skeleton: the patch helper
 * implements it.
 */
public final class PatchTarget {

  private PatchTarget() {}

  /**
   * Parses a {@code target:} mapping.
   *
   * @throws PatchException when a regex or selector is invalid
   */
  public static PatchTarget parse(JsonNode target) throws PatchException {
    throw new PatchException("not implemented yet" + target);
  }

  /** True when {@code object} is one this target selects. */
  public boolean matches(ObjectNode object) {
    throw new UnsupportedOperationException("not implemented yet" + object);
  }
}
