package io.driftwatch.diff.schema;

import java.util.Map;

/**
 * One place in a built-in kind's structure: what its fields, map values and list items are, and
 * whether the value there is a quantity or a list-map. A path with no node has no built-in
 * knowledge and is compared as plain JSON.
 */
public final class SchemaNode {

  /** A resource quantity, compared by value. */
  public static final SchemaNode QUANTITY = new SchemaNode(Map.of(), null, null, null, true);

  private final Map<String, SchemaNode> fields;
  private final SchemaNode anyField;
  private final SchemaNode items;
  private final ListKey listKey;
  private final boolean quantity;

  private SchemaNode(
      Map<String, SchemaNode> fields,
      SchemaNode anyField,
      SchemaNode items,
      ListKey listKey,
      boolean quantity) {
    this.fields = Map.copyOf(fields);
    this.anyField = anyField;
    this.items = items;
    this.listKey = listKey;
    this.quantity = quantity;
  }

  /** An object with these known fields. */
  public static SchemaNode object(Map<String, SchemaNode> fields) {
    return new SchemaNode(fields, null, null, null, false);
  }

  /** A map (such as {@code limits}) whose every value has the schema {@code values}. */
  public static SchemaNode mapOf(SchemaNode values) {
    return new SchemaNode(Map.of(), values, null, null, false);
  }

  /** A list matched item by item, each item with the schema {@code items} (null: unknown). */
  public static SchemaNode list(SchemaNode items) {
    return new SchemaNode(Map.of(), null, items, null, false);
  }

  /** A list-map whose items are matched by {@code key}, each with the schema {@code items}. */
  public static SchemaNode listMap(ListKey key, SchemaNode items) {
    return new SchemaNode(Map.of(), null, items, key, false);
  }

  /** The schema of field {@code name}, or null when nothing is known about it. */
  public SchemaNode field(String name) {
    SchemaNode known = fields.get(name);
    return known != null ? known : anyField;
  }

  /** The named fields this node knows (empty for maps and lists). */
  public Map<String, SchemaNode> fields() {
    return fields;
  }

  /** The schema of every value of a map, or null when this is not such a map. */
  public SchemaNode anyField() {
    return anyField;
  }

  /** The schema of list items, or null when unknown. */
  public SchemaNode items() {
    return items;
  }

  /** The merge key when this is a list-map; null for a positional list or a non-list. */
  public ListKey listKey() {
    return listKey;
  }

  /** True when the value here is a resource quantity. */
  public boolean isQuantity() {
    return quantity;
  }
}
