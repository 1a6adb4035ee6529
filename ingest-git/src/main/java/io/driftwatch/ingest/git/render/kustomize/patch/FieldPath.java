package io.driftwatch.ingest.git.render.kustomize.patch;

import java.util.List;

/**
 * Where in an object a patch failed, for error messages ({@code
 * spec.template.spec.containers[name=app].ports}); built only as deep as the walk goes and rendered
 * only when an error is reported. Merge-key values are names chosen by the author (container names,
 * ports), never data values.
 */
final class FieldPath {

  static final FieldPath ROOT = new FieldPath(null, null);

  private final FieldPath parent;
  private final String segment;

  private FieldPath(FieldPath parent, String segment) {
    this.parent = parent;
    this.segment = segment;
  }

  FieldPath field(String name) {
    return new FieldPath(this, name);
  }

  FieldPath element(List<String> keys, List<String> values) {
    if (keys.isEmpty() || keys.get(0).isEmpty()) {
      return new FieldPath(this, "[item]"); // a set of primitives: the item may be data
    }
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < keys.size() && i < values.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(keys.get(i)).append('=').append(values.get(i));
    }
    return new FieldPath(this, text.append(']').toString());
  }

  @Override
  public String toString() {
    if (parent == null) {
      return "the top of the object";
    }
    StringBuilder text = new StringBuilder();
    append(text);
    return text.toString();
  }

  private void append(StringBuilder text) {
    if (parent.parent != null) {
      parent.append(text);
      if (!segment.startsWith("[")) {
        text.append('.');
      }
    }
    text.append(segment);
  }
}
