package io.driftwatch.diff.managed;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.model.FieldOwner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who owns which field of a live object, read from its {@code metadata.managedFields} (FieldsV1).
 * Immutable and thread-safe; the sets are resolved against whichever manifest is asked about, so
 * the same ownership maps onto desired or live.
 */
public final class ManagedFields {

  private static final ManagedFields EMPTY = new ManagedFields(List.of());

  private final List<ManagedFieldsEntry> entries;

  private ManagedFields(List<ManagedFieldsEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** No ownership known. */
  public static ManagedFields empty() {
    return EMPTY;
  }

  /**
   * The ownership recorded in {@code liveManifest}'s metadata.managedFields; empty when there is
   * none.
   */
  public static ManagedFields of(JsonNode liveManifest) {
    if (liveManifest == null) {
      return EMPTY;
    }
    return ofEntries(liveManifest.path("metadata").path("managedFields"));
  }

  /**
   * The ownership in a managedFields array as the API server returns it (as carried apart from the
   * manifest by {@code LiveState.managedFields()}); entries that are not FieldsV1 are skipped.
   */
  public static ManagedFields ofEntries(JsonNode managedFields) {
    if (managedFields == null || !managedFields.isArray() || managedFields.isEmpty()) {
      return EMPTY;
    }
    List<ManagedFieldsEntry> entries = new ArrayList<>(managedFields.size());
    for (JsonNode entry : managedFields) {
      JsonNode fields = entry.get("fieldsV1");
      String type = entry.path("fieldsType").asText("FieldsV1");
      if (fields == null || !fields.isObject() || !"FieldsV1".equals(type)) {
        continue;
      }
      JsonNode time = entry.get("time");
      entries.add(
          new ManagedFieldsEntry(
              entry.path("manager").asText(""),
              entry.path("operation").asText(""),
              time != null && time.isTextual() ? time.textValue() : null,
              fields));
    }
    return entries.isEmpty() ? EMPTY : new ManagedFields(entries);
  }

  /** The entries, in the order the API server listed them. */
  public List<ManagedFieldsEntry> entries() {
    return entries;
  }

  /** True when no entry is known. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * This ownership resolved against {@code manifest}, for asking several questions about one
   * manifest while resolving each entry at most once. The manifest must not change while the answer
   * is in use.
   */
  public Ownership against(JsonNode manifest) {
    return new Ownership(entries, manifest);
  }

  /**
   * The entry that owns the field at {@code pointerIntoLive} in {@code live}, if one does: it names
   * that field, or a value above it that it owns whole (an atomic list or map). When several
   * entries own it, the most recent {@code time} wins.
   */
  public Optional<FieldOwner> ownerOf(String pointerIntoLive, JsonNode live) {
    return against(live).ownerOf(pointerIntoLive);
  }

  /**
   * The union of what the managers {@code manager} accepts own, resolved against {@code manifest}
   * (desired or live); empty when they own nothing there.
   */
  public OwnedFields ownedBy(Predicate<String> manager, JsonNode manifest) {
    return against(manifest).ownedBy(manager);
  }

  /**
   * The leaf fields owned by the managers that {@code manager} accepts, as JSON Pointers resolved
   * against {@code manifest} (desired or live): list-map keys and set values are matched by
   * content, not by index.
   */
  public Set<String> pointersOwnedBy(Predicate<String> manager, JsonNode manifest) {
    return against(manifest).pointersOwnedBy(manager);
  }
}
