package io.driftwatch.diff.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.managed.OwnedFields;
import io.driftwatch.diff.normalize.SopsMarkers;
import io.driftwatch.diff.schema.ListKey;
import io.driftwatch.diff.schema.ReconcilerMarks;
import io.driftwatch.diff.schema.SchemaNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares normalised desired and live: every field desired declares must be equal live (numbers by
 * value, quantities by amount, an explicit desired null only matching absent), list-maps are
 * matched by merge key and other lists by position. A field only live has is a difference only when
 * a GitOps manager owns it ({@code lingering}): Git declared it once and no longer does. A desired
 * SOPS marker only needs a live value to exist.
 */
public final class SubsetComparator {

  private final SchemaNode schema;
  private final OwnedFields lingering;
  private final PathTracker path = new PathTracker();
  private final List<Difference> declared = new ArrayList<>();
  private final List<Difference> liveOnly = new ArrayList<>();

  private SubsetComparator(SchemaNode schema, OwnedFields lingering) {
    this.schema = schema;
    this.lingering = lingering == null || lingering.isEmpty() ? null : lingering;
  }

  /**
   * The differences between {@code desired} and {@code live}, those of fields desired declares in
   * desired's order first, then lingering fields in managedFields order.
   *
   * @param schema the built-in knowledge of this kind, or null
   * @param lingering the fields of live that GitOps managers own (resolved against {@code live}),
   *     or null
   */
  public static List<Difference> compare(
      ObjectNode desired, ObjectNode live, SchemaNode schema, OwnedFields lingering) {
    SubsetComparator comparator = new SubsetComparator(schema, lingering);
    comparator.compareObjects(desired, live, schema, comparator.lingering);
    if (comparator.liveOnly.isEmpty()) {
      return comparator.declared;
    }
    List<Difference> all = comparator.declared;
    all.addAll(comparator.liveOnly);
    return all;
  }

  private void compareValues(
      JsonNode desired, JsonNode live, SchemaNode schema, OwnedFields owned) {
    if (desired.isNull()) {
      if (live != null && !live.isNull()) {
        report(desired, live);
      }
      return;
    }
    if (live == null) {
      declared.add(new Difference(path.desiredPointer(), desired, null, null));
      return;
    }
    if (SopsMarkers.isMarker(desired)) {
      return; // a SOPS-encrypted value: present live is all that can be checked (§8)
    }
    if (desired.isObject() && live.isObject()) {
      compareObjects(desired, live, schema, owned);
    } else if (desired.isArray() && live.isArray()) {
      ListKey key = schema == null ? null : schema.listKey();
      if (key != null) {
        compareListMaps(desired, live, key, schema.items(), owned);
      } else {
        comparePositional(desired, live, schema == null ? null : schema.items(), owned);
      }
    } else if (!leafEquals(desired, live)) {
      report(desired, live);
    }
  }

  private void compareObjects(
      JsonNode desired, JsonNode live, SchemaNode schema, OwnedFields owned) {
    for (Map.Entry<String, JsonNode> field : desired.properties()) {
      String name = field.getKey();
      if (isIdentity(name)) {
        continue;
      }
      path.pushField(name);
      compareValues(
          field.getValue(),
          live.get(name),
          schema == null ? null : schema.field(name),
          owned == null ? null : owned.field(name));
      path.pop();
    }
    if (owned == null) {
      return;
    }
    // The owned fields were resolved against live, so each one exists there; there are usually
    // fewer of them than live fields, so they drive the search for lingering ones.
    for (Map.Entry<String, OwnedFields> field : owned.fields().entrySet()) {
      String name = field.getKey();
      if (!desired.has(name) && !isIdentity(name)) {
        JsonNode value = live.get(name);
        if (value != null) {
          path.pushField(name);
          reportLingering(field.getValue(), value);
          path.pop();
        }
      }
    }
  }

  private void compareListMaps(
      JsonNode desired, JsonNode live, ListKey key, SchemaNode items, OwnedFields owned) {
    ListMapIndex index = new ListMapIndex(live, key);
    boolean[] matched = owned == null ? null : new boolean[live.size()];
    for (int d = 0; d < desired.size(); d++) {
      JsonNode item = desired.get(d);
      int l = index.take(key.keyOf(item));
      path.pushItem(d, l);
      if (l < 0) {
        declared.add(new Difference(path.desiredPointer(), item, null, null));
      } else {
        if (matched != null) {
          matched[l] = true;
        }
        compareValues(item, live.get(l), items, owned == null ? null : owned.item(l));
      }
      path.pop();
    }
    if (matched == null) {
      return;
    }
    for (Map.Entry<Integer, OwnedFields> item : owned.items().entrySet()) {
      int l = item.getKey();
      if (l < live.size() && !matched[l]) {
        path.pushItem(-1, l);
        if (item.getValue().isMember()) {
          // The GitOps manager created this item (it owns "."), so Git removed the whole item.
          String pointer = path.livePointer();
          liveOnly.add(new Difference(pointer, null, live.get(l), pointer));
        } else {
          reportLingering(item.getValue(), live.get(l));
        }
        path.pop();
      }
    }
  }

  private void comparePositional(
      JsonNode desired, JsonNode live, SchemaNode items, OwnedFields owned) {
    if (desired.size() != live.size()) {
      report(desired, live);
      return;
    }
    for (int i = 0; i < desired.size(); i++) {
      path.pushItem(i, i);
      compareValues(desired.get(i), live.get(i), items, owned == null ? null : owned.item(i));
      path.pop();
    }
  }

  /** Reports each GitOps-owned leaf of a value only live has, by its pointer into live. */
  private void reportLingering(OwnedFields owned, JsonNode live) {
    if (owned.isLeaf()) {
      // Owning a map as a leaf means owning it empty (Git declared `{}`); what fills it belongs to
      // other managers. An atomic list owned as a leaf is owned whole, so it still lingers.
      if (isReconcilerMark() || (live.isObject() && !live.isEmpty())) {
        return;
      }
      String pointer = path.livePointer();
      liveOnly.add(new Difference(pointer, null, live, pointer));
      return;
    }
    for (Map.Entry<String, OwnedFields> field : owned.fields().entrySet()) {
      JsonNode value = live.get(field.getKey());
      if (value != null) {
        path.pushField(field.getKey());
        reportLingering(field.getValue(), value);
        path.pop();
      }
    }
    for (Map.Entry<Integer, OwnedFields> item : owned.items().entrySet()) {
      JsonNode value = live.get(item.getKey());
      if (value != null) {
        path.pushItem(-1, item.getKey());
        reportLingering(item.getValue(), value);
        path.pop();
      }
    }
  }

  private void report(JsonNode desired, JsonNode live) {
    declared.add(new Difference(path.desiredPointer(), desired, live, path.livePointer()));
  }

  /** apiVersion, kind, metadata.name and metadata.namespace identify the object (§1). */
  private boolean isIdentity(String name) {
    int depth = path.depth();
    if (depth == 0) {
      return "apiVersion".equals(name) || "kind".equals(name);
    }
    return depth == 1
        && "metadata".equals(path.name(0))
        && ("name".equals(name) || "namespace".equals(name));
  }

  /** True at metadata.labels.K or metadata.annotations.K for a key a reconciler writes. */
  private boolean isReconcilerMark() {
    if (path.depth() != 3 || !"metadata".equals(path.name(0))) {
      return false;
    }
    String map = path.name(1);
    return ("labels".equals(map) || "annotations".equals(map))
        && path.name(2) != null
        && ReconcilerMarks.isMark(path.name(2));
  }

  /** Scalars are equal by value: numbers numerically ({@code 2} = {@code 2.0}), others exactly. */
  static boolean leafEquals(JsonNode desired, JsonNode live) {
    if (desired.isNumber() && live.isNumber()) {
      if (desired.canConvertToExactIntegral()
          && live.canConvertToExactIntegral()
          && desired.canConvertToLong()
          && live.canConvertToLong()) {
        return desired.longValue() == live.longValue();
      }
      if (!isFinite(desired) || !isFinite(live)) {
        return Double.compare(desired.doubleValue(), live.doubleValue()) == 0;
      }
      return desired.decimalValue().compareTo(live.decimalValue()) == 0;
    }
    return desired.equals(live);
  }

  private static boolean isFinite(JsonNode number) {
    return !(number.isDouble() || number.isFloat()) || Double.isFinite(number.doubleValue());
  }
}
