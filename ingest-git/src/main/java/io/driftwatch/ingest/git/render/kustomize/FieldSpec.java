package io.driftwatch.ingest.git.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * kustomize's field spec: a slash-separated path into objects of a group/version/kind (an empty
 * part matches any), and whether missing fields on the way are created. Sequences met on the way
 * are walked element by element, as kustomize does ({@code containers[]} and {@code containers}
 * mean the same, except that a missing {@code containers[]} is never created); {@code \/} escapes a
 * slash inside a key such as an annotation name.
 */
record FieldSpec(String group, String version, String kind, String path, boolean create) {

  /** Called for the last field of the path, in each object the path reaches. */
  @FunctionalInterface
  interface Visitor {
    void visit(ObjectNode parent, String field) throws KustomizeException;
  }

  static FieldSpec of(String kind, String path, boolean create) {
    return new FieldSpec("", "", kind, path, create);
  }

  static FieldSpec of(String group, String kind, String path, boolean create) {
    return new FieldSpec(group, "", kind, path, create);
  }

  /** True when objects with this id are the ones the spec applies to. */
  boolean selects(ResId id) {
    return (group.isEmpty() || group.equals(id.group()))
        && (version.isEmpty() || version.equals(id.version()))
        && (kind.isEmpty() || kind.equals(id.kind()));
  }

  /** Visits the path's last field in {@code object} wherever the path reaches it. */
  void visit(ObjectNode object, Visitor visitor) throws KustomizeException {
    walk(object, segments(path), 0, visitor);
  }

  private void walk(JsonNode node, List<String> segments, int index, Visitor visitor)
      throws KustomizeException {
    if (node instanceof ArrayNode array) {
      for (JsonNode element : array) {
        walk(element, segments, index, visitor);
      }
      return;
    }
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    String segment = segments.get(index);
    if (index == segments.size() - 1) {
      visitor.visit(object, strip(segment));
      return;
    }
    boolean sequence = segment.endsWith("[]");
    String field = sequence ? segment.substring(0, segment.length() - 2) : segment;
    JsonNode child = object.get(field);
    if (child == null || child.isNull()) {
      // A missing sequence is not created: there is no element to put the field in.
      if (!create || sequence) {
        return;
      }
      child = object.putObject(field);
    }
    walk(child, segments, index + 1, visitor);
  }

  static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length() && path.charAt(i + 1) == '/') {
        current.append('/');
        i++;
      } else if (c == '/') {
        segments.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    segments.add(current.toString());
    return segments;
  }

  private static String strip(String segment) {
    return segment.endsWith("[]") ? segment.substring(0, segment.length() - 2) : segment;
  }
}
