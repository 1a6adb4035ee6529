package io.driftwatch.diff.managed;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.diff.path.Pointers;
import io.driftwatch.model.FieldOwner;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@link ManagedFields} resolved against one manifest. Each entry is resolved on first use only, so
 * that the GitOps managers' sets (needed on every comparison) cost nothing for the others, which
 * matter only when a difference is attributed. Not thread-safe: one per comparison.
 */
public final class Ownership {

  private final List<ManagedFieldsEntry> entries;
  private final JsonNode manifest;
  private final FieldsV1Resolver resolver = new FieldsV1Resolver();
  private final OwnedFields[] trees;
  private final boolean[] resolved;
  private final FieldOwner[] owners;

  Ownership(List<ManagedFieldsEntry> entries, JsonNode manifest) {
    this.entries = entries;
    this.manifest = manifest;
    this.trees = new OwnedFields[entries.size()];
    this.resolved = new boolean[entries.size()];
    this.owners = new FieldOwner[entries.size()];
  }

  /** Entry {@code entry}'s owner, its time parsed once however many fields it is asked about. */
  private FieldOwner ownerAt(int entry) {
    if (owners[entry] == null) {
      owners[entry] = entries.get(entry).owner();
    }
    return owners[entry];
  }

  private OwnedFields treeOf(int entry) {
    if (!resolved[entry]) {
      trees[entry] =
          manifest == null ? null : resolver.resolve(entries.get(entry).fieldsV1(), manifest);
      resolved[entry] = true;
    }
    return trees[entry];
  }

  /**
   * The entry that owns the field at {@code pointer}: it names that field, or a value above it that
   * it owns whole (an atomic list or map). When several entries own it, the most recent {@code
   * time} wins; an entry without a time counts as the oldest.
   */
  public Optional<FieldOwner> ownerOf(String pointer) {
    if (entries.isEmpty() || manifest == null) {
      return Optional.empty();
    }
    List<String> tokens = Pointers.parse(pointer);
    FieldOwner best = null;
    for (int e = 0; e < entries.size(); e++) {
      OwnedFields tree = treeOf(e);
      if (tree != null && owns(tree, tokens)) {
        FieldOwner candidate = ownerAt(e);
        if (best == null || isLater(candidate.time(), best.time())) {
          best = candidate;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The union of what the managers {@code manager} accepts own; empty when nothing. */
  public OwnedFields ownedBy(Predicate<String> manager) {
    OwnedFields only = null;
    OwnedFields union = null;
    for (int e = 0; e < entries.size(); e++) {
      if (!manager.test(entries.get(e).manager())) {
        continue;
      }
      OwnedFields tree = treeOf(e);
      if (tree == null) {
        continue;
      }
      if (only == null) {
        only = tree;
      } else {
        if (union == null) {
          union = new OwnedFields();
          union.mergeFrom(only);
        }
        union.mergeFrom(tree);
      }
    }
    // One manager's tree is returned as it is: OwnedFields cannot be changed from outside.
    return union != null ? union : only != null ? only : new OwnedFields();
  }

  /** The leaf fields the managers {@code manager} accepts own, as JSON Pointers. */
  public Set<String> pointersOwnedBy(Predicate<String> manager) {
    Set<String> pointers = new LinkedHashSet<>();
    collectLeaves(ownedBy(manager), new StringBuilder(), pointers);
    return pointers;
  }

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
}
