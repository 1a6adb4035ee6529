package io.driftwatch.diff.managed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A FieldsV1 set resolved against one manifest: a tree shaped like the manifest, with object fields
 * by name and list items by their index in that manifest. A node is a member when the set names it
 * (an empty {@code f:x: {}} or a {@code "."}); a member without children is a leaf, owned whole.
 */
public final class OwnedFields {

  private boolean member;
  private Map<String, OwnedFields> fields;
  private Map<Integer, OwnedFields> items;
  private Map<String, OwnedFields> fieldsView;
  private Map<Integer, OwnedFields> itemsView;

  OwnedFields() {}

  /** True when the set names this node itself. */
  public boolean isMember() {
    return member;
  }

  /** True for a member with no owned children: the whole value here is owned. */
  public boolean isLeaf() {
    return member && fields == null && items == null;
  }

  /** True when nothing is owned here or below. */
  public boolean isEmpty() {
    return !member && fields == null && items == null;
  }

  /** The owned field {@code name} of this object, or null. */
  public OwnedFields field(String name) {
    return fields == null ? null : fields.get(name);
  }

  /** The owned item at {@code index} of this list, or null. */
  public OwnedFields item(int index) {
    return items == null ? null : items.get(index);
  }

  /** The owned fields of this object, by name, in FieldsV1 order. */
  public Map<String, OwnedFields> fields() {
    if (fields == null) {
      return Map.of();
    }
    if (fieldsView == null) {
      fieldsView = Collections.unmodifiableMap(fields);
    }
    return fieldsView;
  }

  /** The owned items of this list, by index in the manifest, in FieldsV1 order. */
  public Map<Integer, OwnedFields> items() {
    if (items == null) {
      return Map.of();
    }
    if (itemsView == null) {
      itemsView = Collections.unmodifiableMap(items);
    }
    return itemsView;
  }

  void markMember() {
    member = true;
  }

  void putField(String name, OwnedFields child) {
    if (fields == null) {
      fields = new LinkedHashMap<>();
    }
    OwnedFields existing = fields.putIfAbsent(name, child);
    if (existing != null) {
      existing.mergeFrom(child);
    }
  }

  void putItem(int index, OwnedFields child) {
    if (items == null) {
      items = new LinkedHashMap<>();
    }
    OwnedFields existing = items.putIfAbsent(index, child);
    if (existing != null) {
      existing.mergeFrom(child);
    }
  }

  /**
   * Adds everything {@code other} owns to this tree (the union of two managers' sets); {@code
   * other} is copied, never shared, so that each manager's own tree stays as it was.
   */
  void mergeFrom(OwnedFields other) {
    if (other.member) {
      member = true;
    }
    if (other.fields != null) {
      if (fields == null) {
        fields = new LinkedHashMap<>();
      }
      for (Map.Entry<String, OwnedFields> e : other.fields.entrySet()) {
        fields.computeIfAbsent(e.getKey(), k -> new OwnedFields()).mergeFrom(e.getValue());
      }
    }
    if (other.items != null) {
      if (items == null) {
        items = new LinkedHashMap<>();
      }
      for (Map.Entry<Integer, OwnedFields> e : other.items.entrySet()) {
        items.computeIfAbsent(e.getKey(), k -> new OwnedFields()).mergeFrom(e.getValue());
      }
    }
  }
}
