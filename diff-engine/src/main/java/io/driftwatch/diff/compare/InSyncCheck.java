package io.driftwatch.diff.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.managed.LiveItemKeys;
import io.driftwatch.diff.quantity.QuantityNode;
import io.driftwatch.diff.schema.ListKey;
import io.driftwatch.diff.schema.ReconcilerMarks;
import io.driftwatch.diff.schema.SchemaNode;
import io.driftwatch.model.KubernetesObjects;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Confirms cheaply that an object is in sync, which is the verdict for almost every object on
 * almost every change. It reads both manifests in place, applying the normalisation on the fly
 * (dropped fields skipped, quantities by amount), so no copy is built, and it checks the GitOps
 * managers' raw FieldsV1 sets for fields that could linger, resolving only the list keys it meets.
 *
 * <p>It is one-sided on purpose: {@code true} promises that the full comparison (normalised copies,
 * {@link SubsetComparator} with the resolved ownership) finds no difference; {@code false} only
 * means "not confirmed", and the engine then runs the full comparison, which alone decides what
 * differs and reports it. So wherever normalisation would be intricate to repeat here (an empty
 * string against a desired null, an object that only empty values fill, a key that is not a
 * scalar), this check compares the raw values or says {@code false} rather than guess.
 */
public final class InSyncCheck {

  private static final JsonNode[] NONE = new JsonNode[0];

  /** Every field name that normalising drops at some place. */
  private static final Set<String> MAYBE_DROPPED = maybeDropped();

  private final LiveItemKeys itemKeys = new LiveItemKeys();

  /** Field names from the top, null for a list item; the same levels as {@link PathTracker}. */
  private String[] names = new String[16];

  private int depth;

  private InSyncCheck() {}

  /**
   * Whether {@code desired} (as Git declares it, no ignore rule applying to it) is certainly in
   * sync with {@code live} (as the API server returns it).
   *
   * @param schema the built-in knowledge of this kind, or null
   * @param gitopsSets the FieldsV1 sets of the live object's GitOps managers' entries
   */
  public static boolean holds(
      ObjectNode desired, ObjectNode live, SchemaNode schema, List<JsonNode> gitopsSets) {
    JsonNode[] owned = gitopsSets.isEmpty() ? NONE : gitopsSets.toArray(NONE);
    return new InSyncCheck().objects(desired, live, schema, owned);
  }

  private boolean values(JsonNode desired, JsonNode live, SchemaNode schema, JsonNode[] owned) {
    if (desired.isNull()) {
      // Absent or null live agrees; an empty live value would too, but is left to the full path.
      return live == null || live.isNull();
    }
    if (live == null) {
      return false;
    }
    if (desired.isObject()) {
      return live.isObject() && objects(desired, live, schema, owned);
    }
    if (desired.isArray()) {
      if (!live.isArray()) {
        return false;
      }
      ListKey key = schema == null ? null : schema.listKey();
      SchemaNode items = schema == null ? null : schema.items();
      return key != null
          ? listMaps(desired, live, key, items, owned)
          : positional(desired, live, items, owned);
    }
    // A live "" or null that normalising would drop is unequal to any non-empty desired scalar.
    return SubsetComparator.leafEquals(desired, live);
  }

  /**
   * Compares every field of desired that normalising keeps or might keep. One that it drops for
   * being empty is compared too when unsure: equal is then harmless, unequal sends the object to
   * the full path.
   */
  private boolean objects(JsonNode desired, JsonNode live, SchemaNode schema, JsonNode[] owned) {
    if (isObjectField()
        && !desired.isEmpty()
        && !hasCertainField(desired)
        && !isNamedMetadata(live)) {
      // Nothing below surely survives normalising on both sides, so whether either copy keeps
      // this object at all would decide; that is certain only for a metadata that has its name.
      return false;
    }
    int ownedAccounted = 0;
    for (Map.Entry<String, JsonNode> field : desired.properties()) {
      String name = field.getKey();
      JsonNode[] ownedChildren = children(owned, name);
      if (isIdentity(name) || isDroppedByNormalizing(name)) {
        // Not compared, and neither can linger: the full comparison skips both.
        ownedAccounted += ownedChildren.length;
        continue;
      }
      if (ownedChildren.length > 0 && isCertainlyKept(field.getValue())) {
        ownedAccounted += ownedChildren.length;
      }
      SchemaNode fieldSchema = schema == null ? null : schema.field(name);
      push(name);
      JsonNode value = field.getValue();
      boolean same =
          fieldSchema != null && fieldSchema.isQuantity() && value.isValueNode()
              ? quantities(value, live.get(name))
              : values(value, live.get(name), fieldSchema, ownedChildren);
      pop();
      if (!same) {
        return false;
      }
    }
    // When desired declares every field the sets own here (the usual case), none can linger.
    return ownedAccounted == ownedFieldCount(owned) || nothingLingers(desired, live, owned);
  }

  /**
   * Two values at a quantity's place, desired's a scalar, compared as both copies would hold them:
   * by amount. The same text on both sides is the same amount, which spares parsing it (the usual
   * case). A scalar has no fields, so none below it can linger.
   */
  private boolean quantities(JsonNode desired, JsonNode live) {
    if (live != null
        && desired.isTextual()
        && live.isTextual()
        && desired.textValue().equals(live.textValue())) {
      return true;
    }
    return values(asQuantity(desired), live == null ? null : asQuantity(live), null, NONE);
  }

  private static JsonNode asQuantity(JsonNode value) {
    QuantityNode quantity = QuantityNode.of(value);
    return quantity != null ? quantity : value;
  }

  /** How many {@code f:} keys the sets hold at this level, counting each set's own. */
  private static int ownedFieldCount(JsonNode[] owned) {
    int count = 0;
    for (JsonNode set : owned) {
      count += set.has(".") ? set.size() - 1 : set.size();
    }
    return count;
  }

  /**
   * Whether no field a GitOps manager owns and desired lacks could be reported as lingering: each
   * one must be absent from live's normalised copy, or a leaf the full comparison would pass over
   * (a map owned as a leaf, or a reconciler's mark).
   */
  private boolean nothingLingers(JsonNode desired, JsonNode live, JsonNode[] owned) {
    for (JsonNode set : owned) {
      for (Map.Entry<String, JsonNode> entry : set.properties()) {
        String key = entry.getKey();
        if (!key.startsWith("f:")) {
          continue;
        }
        String name = key.substring(2);
        JsonNode declared = desired.get(name);
        if ((declared != null && isCertainlyKept(declared))
            || isIdentity(name)
            || isDroppedByNormalizing(name)) {
          continue;
        }
        JsonNode value = live.get(name);
        if (value == null || isEmptyLive(value)) {
          continue;
        }
        push(name);
        boolean passedOver = isLeafOfAll(owned, key) && (value.isObject() || isReconcilerMark());
        pop();
        if (!passedOver) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean listMaps(
      JsonNode desired, JsonNode live, ListKey key, SchemaNode items, JsonNode[] owned) {
    for (JsonNode item : desired) {
      if (!hasScalarKey(item, key)) {
        return false;
      }
    }
    JsonNode[][] ownedItems = ownedItems(owned, live);
    if (ownedItems == null) {
      return false;
    }
    for (JsonNode item : live) {
      if (item.isObject() && !hasScalarKey(item, key)) {
        return false;
      }
    }
    ListMapIndex index = new ListMapIndex(live, key);
    boolean[] matched = new boolean[live.size()];
    for (int d = 0; d < desired.size(); d++) {
      JsonNode item = desired.get(d);
      int l = index.take(key.keyOf(item));
      if (l < 0) {
        return false;
      }
      matched[l] = true;
      push(null);
      boolean same = values(item, live.get(l), items, ownedItems[l]);
      pop();
      if (!same) {
        return false;
      }
    }
    // A live item Git does not declare lingers when a GitOps manager owns some of it.
    for (int l = 0; l < matched.length; l++) {
      if (!matched[l] && ownedItems[l].length > 0) {
        return false;
      }
    }
    return true;
  }

  private boolean positional(JsonNode desired, JsonNode live, SchemaNode items, JsonNode[] owned) {
    if (desired.size() != live.size()) {
      return false;
    }
    JsonNode[][] ownedItems = ownedItems(owned, live);
    if (ownedItems == null) {
      return false;
    }
    for (int i = 0; i < desired.size(); i++) {
      push(null);
      boolean same = values(desired.get(i), live.get(i), items, ownedItems[i]);
      pop();
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /** The sets each live item is owned by, by index; null when a key cannot be resolved surely. */
  private JsonNode[][] ownedItems(JsonNode[] owned, JsonNode live) {
    JsonNode[][] byItem = new JsonNode[live.size()][];
    Arrays.fill(byItem, NONE);
    for (JsonNode set : owned) {
      for (Map.Entry<String, JsonNode> entry : set.properties()) {
        String key = entry.getKey();
        if (key.startsWith("f:") || ".".equals(key)) {
          continue;
        }
        int index = itemKeys.indexOf(key, live);
        if (index == LiveItemKeys.UNSURE) {
          return null;
        }
        if (index >= 0) {
          byItem[index] = append(byItem[index], entry.getValue());
        }
      }
    }
    return byItem;
  }

  /** The sets {@code owned} hold for field {@code name}. */
  private static JsonNode[] children(JsonNode[] owned, String name) {
    if (owned.length == 0) {
      return NONE;
    }
    String key = FieldKeys.of(name);
    JsonNode[] found = NONE;
    for (JsonNode set : owned) {
      JsonNode child = set.get(key);
      if (child != null && child.isObject()) {
        found = append(found, child);
      }
    }
    return found;
  }

  private static JsonNode[] append(JsonNode[] sets, JsonNode set) {
    JsonNode[] more = Arrays.copyOf(sets, sets.length + 1);
    more[sets.length] = set;
    return more;
  }

  /** True when every set that names {@code key} owns it whole ({@code {}} or only {@code .}). */
  private static boolean isLeafOfAll(JsonNode[] owned, String key) {
    for (JsonNode set : owned) {
      JsonNode child = set.get(key);
      if (child == null) {
        continue;
      }
      if (!child.isObject() || child.size() > 1 || (child.size() == 1 && !child.has("."))) {
        return false;
      }
    }
    return true;
  }

  /** True for an object that is a field's value, not a list item nor the whole manifest. */
  private boolean isObjectField() {
    return depth > 0 && names[depth - 1] != null;
  }

  /**
   * Whether desired has a field here, other than name and namespace, that normalising surely keeps:
   * then a live object that agrees with it has that field too, and so is kept as well.
   */
  private boolean hasCertainField(JsonNode desired) {
    for (Map.Entry<String, JsonNode> field : desired.properties()) {
      String name = field.getKey();
      if (!isIdentity(name) && !isDroppedByNormalizing(name) && isCertainlyKept(field.getValue())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the normalised copy surely keeps {@code value} where it stands as a non-null value: a
   * scalar other than "" and null, a non-empty list, or an object with such a field. A name that
   * normalising drops somewhere (creationTimestamp, status, the server-set metadata, bookkeeping
   * annotations) does not count, wherever it stands: this is a cheap lower bound, so it may say
   * false for a kept value (the caller is then conservative), never true for a dropped one.
   */
  private static boolean isCertainlyKept(JsonNode value) {
    if (value.isNull()) {
      return false;
    }
    if (value.isTextual()) {
      return !value.textValue().isEmpty();
    }
    if (value.isArray()) {
      return !value.isEmpty();
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        if (!MAYBE_DROPPED.contains(field.getKey()) && isCertainlyKept(field.getValue())) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  /** True at the object's own metadata when live gives it a name, which its copy keeps. */
  private boolean isNamedMetadata(JsonNode live) {
    JsonNode name = live.get("name");
    return depth == 1
        && "metadata".equals(names[0])
        && name != null
        && name.isTextual()
        && !name.textValue().isEmpty();
  }

  private static boolean hasScalarKey(JsonNode item, ListKey key) {
    if (!item.isObject()) {
      return false;
    }
    for (String field : key.fields()) {
      JsonNode value = item.get(field);
      if (value != null && value.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  /** Whether live's normalised copy would lack this value: null, "", or containers of those. */
  private static boolean isEmptyLive(JsonNode value) {
    if (value.isNull()) {
      return true;
    }
    if (value.isTextual()) {
      return value.textValue().isEmpty();
    }
    if (value.isObject()) {
      for (JsonNode field : value) {
        if (!isEmptyLive(field)) {
          return false;
        }
      }
      return true;
    }
    // List items are never dropped, so only an empty list is empty.
    return value.isArray() && value.isEmpty();
  }

  /**
   * Whether live's normalised copy drops the field {@code name} at this level whatever its value:
   * status, server-set metadata, bookkeeping annotations, a template's creationTimestamp.
   */
  private boolean isDroppedByNormalizing(String name) {
    if (depth == 0) {
      return "status".equals(name);
    }
    boolean underMetadata = "metadata".equals(names[0]);
    if (depth == 1 && underMetadata) {
      return KubernetesObjects.SERVER_SET_METADATA.contains(name);
    }
    if (depth == 2 && underMetadata && "annotations".equals(names[1])) {
      return KubernetesObjects.BOOKKEEPING_ANNOTATIONS.contains(name);
    }
    return !underMetadata
        && "metadata".equals(names[depth - 1])
        && "creationTimestamp".equals(name);
  }

  /** apiVersion, kind, metadata.name and metadata.namespace identify the object (§1). */
  private boolean isIdentity(String name) {
    if (depth == 0) {
      return "apiVersion".equals(name) || "kind".equals(name);
    }
    return depth == 1
        && "metadata".equals(names[0])
        && ("name".equals(name) || "namespace".equals(name));
  }

  /** True at metadata.labels.K or metadata.annotations.K for a key a reconciler writes. */
  private boolean isReconcilerMark() {
    if (depth != 3 || !"metadata".equals(names[0])) {
      return false;
    }
    return ("labels".equals(names[1]) || "annotations".equals(names[1]))
        && names[2] != null
        && ReconcilerMarks.isMark(names[2]);
  }

  private static Set<String> maybeDropped() {
    Set<String> names = new HashSet<>(KubernetesObjects.SERVER_SET_METADATA);
    names.addAll(KubernetesObjects.BOOKKEEPING_ANNOTATIONS);
    names.add("status");
    names.add("creationTimestamp");
    return Set.copyOf(names);
  }

  private void push(String name) {
    if (depth == names.length) {
      names = Arrays.copyOf(names, depth * 2);
    }
    names[depth++] = name;
  }

  private void pop() {
    depth--;
  }
}
