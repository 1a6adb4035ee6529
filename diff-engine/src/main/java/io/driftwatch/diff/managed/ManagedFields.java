package io.driftwatch.diff.managed;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.diff.path.Pointers;
import io.driftwatch.model.FieldOwner;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

  /** The last live manifest {@link #ownerOf} resolved against, with every entry's tree. */
  private volatile Resolved lastResolved;

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
      FieldOwner owner =
          new FieldOwner(
              entry.path("manager").asText(""),
              entry.path("operation").asText(""),
              time(entry.get("time")));
      entries.add(new ManagedFieldsEntry(owner, fields));
    }
    return entries.isEmpty() ? EMPTY : new ManagedFields(entries);
  }

  private static Instant time(JsonNode time) {
    if (time == null || !time.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(time.textValue());
    } catch (DateTimeParseException unreadable) {
      return null;
    }
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
   * The entry that owns the field at {@code pointerIntoLive} in {@code live}, if one does: it names
   * that field, or a value above it that it owns whole (an atomic list or map). When several
   * entries own it, the most recent {@code time} wins.
   */
  public Optional<FieldOwner> ownerOf(String pointerIntoLive, JsonNode live) {
    if (entries.isEmpty() || live == null) {
      return Optional.empty();
    }
    List<String> tokens = Pointers.parse(pointerIntoLive);
    Resolved resolved = resolvedAgainst(live);
    FieldOwner best = null;
    for (int e = 0; e < entries.size(); e++) {
      OwnedFields tree = resolved.trees.get(e);
      if (tree != null && owns(tree, tokens)) {
        FieldOwner candidate = entries.get(e).owner();
        if (best == null || isLater(candidate.time(), best.time())) {
          best = candidate;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** True when {@code time} is strictly later than {@code than}; an unknown time is the oldest. */
  private static boolean isLater(Instant time, Instant than) {
    return time != null && (than == null || time.isAfter(than));
  }

  private static boolean owns(OwnedFields tree, List<String> tokens) {
    OwnedFields node = tree;
    for (String token : tokens) {
      if (node.isLeaf()) {
        return true;
      }
      OwnedFields next = node.field(token);
      if (next == null) {
        int index = indexOf(token);
        next = index < 0 ? null : node.item(index);
      }
      if (next == null) {
        return false;
      }
      node = next;
    }
    return node.isMember();
  }

  private static int indexOf(String token) {
    if (token.isEmpty() || token.length() > 9) {
      return -1;
    }
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < '0' || token.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(token);
  }

  private Resolved resolvedAgainst(JsonNode live) {
    Resolved resolved = lastResolved;
    if (resolved != null && resolved.manifest == live) {
      return resolved;
    }
    FieldsV1Resolver resolver = new FieldsV1Resolver();
    List<OwnedFields> trees = new ArrayList<>(entries.size());
    for (ManagedFieldsEntry entry : entries) {
      trees.add(resolver.resolve(entry.fieldsV1(), live));
    }
    resolved = new Resolved(live, trees);
    lastResolved = resolved;
    return resolved;
  }

  /**
   * The union of what the managers {@code manager} accepts own, resolved against {@code manifest}
   * (desired or live); empty when they own nothing there.
   */
  public OwnedFields ownedBy(Predicate<String> manager, JsonNode manifest) {
    OwnedFields union = new OwnedFields();
    if (manifest == null) {
      return union;
    }
    FieldsV1Resolver resolver = new FieldsV1Resolver();
    for (ManagedFieldsEntry entry : entries) {
      if (manager.test(entry.owner().manager())) {
        OwnedFields tree = resolver.resolve(entry.fieldsV1(), manifest);
        if (tree != null) {
          union.mergeFrom(tree);
        }
      }
    }
    return union;
  }

  /**
   * The leaf fields owned by the managers that {@code manager} accepts, as JSON Pointers resolved
   * against {@code manifest} (desired or live): list-map keys and set values are matched by
   * content, not by index.
   */
  public Set<String> pointersOwnedBy(Predicate<String> manager, JsonNode manifest) {
    Set<String> pointers = new LinkedHashSet<>();
    collectLeaves(ownedBy(manager, manifest), new StringBuilder(), pointers);
    return pointers;
  }

  private static void collectLeaves(OwnedFields node, StringBuilder pointer, Set<String> out) {
    if (node.isLeaf()) {
      out.add(pointer.toString());
      return;
    }
    int length = pointer.length();
    for (Map.Entry<String, OwnedFields> field : node.fields().entrySet()) {
      collectLeaves(field.getValue(), Pointers.append(pointer, field.getKey()), out);
      pointer.setLength(length);
    }
    for (Map.Entry<Integer, OwnedFields> item : node.items().entrySet()) {
      collectLeaves(item.getValue(), pointer.append('/').append(item.getKey()), out);
      pointer.setLength(length);
    }
  }

  private static final class Resolved {
    final JsonNode manifest;
    final List<OwnedFields> trees;

    Resolved(JsonNode manifest, List<OwnedFields> trees) {
      this.manifest = manifest;
      this.trees = trees;
    }
  }
}
