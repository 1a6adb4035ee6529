package io.driftwatch.drift.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.FieldDiff;
import java.util.List;

/**
 * Compares a desired manifest with the live one and lists the fields where they disagree. An empty
 * list means the resource is in sync. Implementations are pure functions of their inputs.
 */
public interface ManifestComparator {

  /**
   * @param desired the manifest as rendered from Git
   * @param live the manifest as observed in the cluster, normalised
   * @return the differing fields in a stable order, empty when they agree
   */
  List<FieldDiff> compare(ObjectNode desired, ObjectNode live);
}
