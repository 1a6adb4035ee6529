package io.driftwatch.diff.managed;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.model.FieldOwner;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who owns which field of a live object, read from its {@code metadata.managedFields} (FieldsV1).
 * Skeleton: the engine helper implements it.
 */
public final class ManagedFields {

  private ManagedFields() {}

  /**
   * The ownership recorded in {@code liveManifest}'s metadata.managedFields; empty when there is
   * none.
   */
  public static ManagedFields of(JsonNode liveManifest) {
    throw new UnsupportedOperationException("not implemented yet" + liveManifest);
  }

  /** The entry that owns the field at {@code pointerIntoLive} in {@code live}, if one does. */
  public Optional<FieldOwner> ownerOf(String pointerIntoLive, JsonNode live) {
    throw new UnsupportedOperationException("not implemented yet" + pointerIntoLive + live);
  }

  /**
   * The leaf fields owned by the managers that {@code manager} accepts, as JSON Pointers resolved
   * against {@code manifest} (desired or live): list-map keys and set values are matched by
   * content, not by index.
   */
  public Set<String> pointersOwnedBy(Predicate<String> manager, JsonNode manifest) {
    throw new UnsupportedOperationException("not implemented yet" + manager + manifest);
  }
}
