package io.driftwatch.launcher.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pairs the objects of the desired and the live file by {@link ManifestKey}. Two objects with one
 * identity in the same file are an error naming both: which one to compare would be a guess, and
 * the API server would keep only the last.
 */
public final class ResourceMatcher {

  private ResourceMatcher() {}

  /**
   * Every resource found in either file, sorted by key.
   *
   * @param defaultNamespace the namespace of namespaced objects that do not name one
   */
  public static List<ResourcePair> match(
      List<ManifestDocument> desired, List<ManifestDocument> live, String defaultNamespace)
      throws DiffInputException {
    Map<ManifestKey, ManifestDocument> desiredByKey = index(desired, defaultNamespace);
    Map<ManifestKey, ManifestDocument> liveByKey = index(live, defaultNamespace);
    TreeSet<ManifestKey> keys = new TreeSet<>(desiredByKey.keySet());
    keys.addAll(liveByKey.keySet());
    List<ResourcePair> pairs = new ArrayList<>(keys.size());
    for (ManifestKey key : keys) {
      pairs.add(new ResourcePair(key, desiredByKey.get(key), liveByKey.get(key)));
    }
    return pairs;
  }

  private static Map<ManifestKey, ManifestDocument> index(
      List<ManifestDocument> documents, String defaultNamespace) throws DiffInputException {
    Map<ManifestKey, ManifestDocument> byKey = new TreeMap<>();
    for (ManifestDocument document : documents) {
      ManifestKey key = ManifestKey.of(document.manifest(), defaultNamespace);
      ManifestDocument first = byKey.putIfAbsent(key, document);
      if (first != null) {
        throw new DiffInputException(
            "two objects are "
                + key
                + ": "
                + first.origin()
                + " and "
                + document.origin()
                + "; keep one of them");
      }
    }
    return byKey;
  }
}
