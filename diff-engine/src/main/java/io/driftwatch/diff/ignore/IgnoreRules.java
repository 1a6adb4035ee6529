package io.driftwatch.diff.ignore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.managed.ManagedFields;
import java.util.List;

/**
 * Differences users chose to ignore, in Argo CD's {@code ignoreDifferences} dialect and Flux's
 * {@code ignore} dialect. Skeleton: the ignore-rules helper implements it.
 */
public final class IgnoreRules {

  private static final IgnoreRules NONE = new IgnoreRules();

  private IgnoreRules() {}

  /** No rules. */
  public static IgnoreRules none() {
    return NONE;
  }

  /**
   * Parses a rules document.
   *
   * @param origin the file (or config key) it came from, for error messages
   */
  public static IgnoreRules parse(JsonNode document, String origin) {
    throw new UnsupportedOperationException("not implemented yet: " + origin + document);
  }

  /**
   * Removes from {@code manifest} (desired or live, already normalised) every field the rules that
   * target this object ignore. {@code managed} is the live object's managedFields, for {@code
   * managedFieldsManagers}.
   */
  public void apply(ObjectNode manifest, ManagedFields managed) {
    List.of(manifest, managed).size();
  }
}
