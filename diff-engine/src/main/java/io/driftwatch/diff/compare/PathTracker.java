package io.driftwatch.diff.compare;

import io.driftwatch.diff.path.Pointers;
import java.util.Arrays;

/**
 * The position of the comparison in both documents at once: field names are shared, list indices
 * differ when a list-map item sits elsewhere in live. Pointers are built only when a difference is
 * reported, so walking the documents allocates nothing per field.
 */
final class PathTracker {

  private String[] names = new String[16];
  private int[] desiredIndex = new int[16];
  private int[] liveIndex = new int[16];
  private int depth;

  void pushField(String name) {
    grow();
    names[depth++] = name;
  }

  void pushItem(int desiredAt, int liveAt) {
    grow();
    names[depth] = null;
    desiredIndex[depth] = desiredAt;
    liveIndex[depth] = liveAt;
    depth++;
  }

  void pop() {
    depth--;
  }

  int depth() {
    return depth;
  }

  /** The field name at {@code level} (0 is the top), or null when that level is a list item. */
  String name(int level) {
    return names[level];
  }

  String desiredPointer() {
    return pointer(desiredIndex);
  }

  String livePointer() {
    return pointer(liveIndex);
  }

  private String pointer(int[] indices) {
    StringBuilder pointer = new StringBuilder(depth * 12);
    for (int level = 0; level < depth; level++) {
      if (names[level] != null) {
        Pointers.append(pointer, names[level]);
      } else {
        pointer.append('/').append(indices[level]);
      }
    }
    return pointer.toString();
  }

  private void grow() {
    if (depth == names.length) {
      names = Arrays.copyOf(names, depth * 2);
      desiredIndex = Arrays.copyOf(desiredIndex, depth * 2);
      liveIndex = Arrays.copyOf(liveIndex, depth * 2);
    }
  }
}
