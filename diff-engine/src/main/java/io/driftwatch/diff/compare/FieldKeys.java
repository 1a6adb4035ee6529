package io.driftwatch.diff.compare;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The FieldsV1 key {@code f:<name>} of a field name, kept once built. The in-sync check looks up
 * the owned set of every field desired declares; building and hashing a fresh string each time was
 * its largest cost, while the names repeat from object to object. The cache is bounded because
 * names under labels, annotations and data are the user's and unbounded; past the bound keys are
 * simply built each time.
 */
final class FieldKeys {

  private static final int MAX_CACHED = 20_000;

  private static final ConcurrentHashMap<String, String> KEYS = new ConcurrentHashMap<>();

  private FieldKeys() {}

  static String of(String name) {
    String key = KEYS.get(name);
    if (key == null) {
      key = "f:" + name;
      if (KEYS.size() < MAX_CACHED) {
        KEYS.putIfAbsent(name, key);
      }
    }
    return key;
  }
}
