package io.driftwatch.drift.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.FieldDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Desired ⊆ live: every field Git declares must have an equal value live, while fields only live
 * has (defaults, fields set by controllers) are not drift. {@code status}, {@code apiVersion},
 * {@code kind} and server-set metadata are ignored; of {@code metadata} only labels and annotations
 * are compared, each as a subset. Arrays are compared element by element and must have the same
 * length; a length mismatch is one diff on the whole array.
 */
public final class SubsetComparator implements ManifestComparator {

  /**
   * Top-level fields that are not state: identity is the resource key (without version), and status
   * belongs to the cluster.
   */
  private static final Set<String> IGNORED_TOP_LEVEL = Set.of("apiVersion", "kind", "status");

  /** The parts of metadata that Git owns; everything else there is set by the API server. */
  private static final List<String> COMPARED_METADATA = List.of("labels", "annotations");

  @Override
  public List<FieldDiff> compare(ObjectNode desired, ObjectNode live) {
    List<FieldDiff> diffs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : desired.properties()) {
      String name = field.getKey();
      if (IGNORED_TOP_LEVEL.contains(name)) {
        continue;
      }
      String path = JsonPointer.append("", name);
      JsonNode liveValue = live.get(name);
      if (name.equals("metadata")) {
        compareMetadata(field.getValue(), liveValue, path, diffs);
      } else {
        compareValue(field.getValue(), liveValue, path, diffs);
      }
    }
    return List.copyOf(diffs);
  }

  private static void compareMetadata(
      JsonNode desired, JsonNode live, String path, List<FieldDiff> diffs) {
    if (!desired.isObject()) {
      return;
    }
    for (String part : COMPARED_METADATA) {
      JsonNode desiredPart = desired.get(part);
      if (desiredPart != null) {
        JsonNode livePart = live == null ? null : live.get(part);
        compareValue(desiredPart, livePart, JsonPointer.append(path, part), diffs);
      }
    }
  }

  private static void compareValue(
      JsonNode desired, JsonNode live, String path, List<FieldDiff> diffs) {
    if (desired.isNull()) {
      // An explicit null in Git asks for the field to be absent.
      if (live != null && !live.isNull()) {
        diffs.add(new FieldDiff(path, desired, live));
      }
      return;
    }
    if (live == null || live.isMissingNode()) {
      diffs.add(new FieldDiff(path, desired, null));
      return;
    }
    if (desired.isObject() && live.isObject()) {
      for (Map.Entry<String, JsonNode> field : desired.properties()) {
        compareValue(
            field.getValue(),
            live.get(field.getKey()),
            JsonPointer.append(path, field.getKey()),
            diffs);
      }
      return;
    }
    if (desired.isArray() && live.isArray()) {
      if (desired.size() != live.size()) {
        diffs.add(new FieldDiff(path, desired, live));
        return;
      }
      for (int i = 0; i < desired.size(); i++) {
        compareValue(desired.get(i), live.get(i), JsonPointer.append(path, i), diffs);
      }
      return;
    }
    if (!scalarEquals(desired, live)) {
      diffs.add(new FieldDiff(path, desired, live));
    }
  }

  private static boolean scalarEquals(JsonNode desired, JsonNode live) {
    if (desired.isNumber() && live.isNumber()) {
      // 2 and 2.0 are the same number whatever the parser chose to represent them with.
      return desired.decimalValue().compareTo(live.decimalValue()) == 0;
    }
    return desired.equals(live);
  }
}
