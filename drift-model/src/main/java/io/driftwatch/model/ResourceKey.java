package io.driftwatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The identity of one Kubernetes object in one cluster: cluster, API group, kind, namespace and
 * name. The API version is deliberately absent, so {@code apps/v1} and {@code apps/v1beta1} name
 * the same object.
 *
 * <p>The canonical string form is {@code cluster/group/kind/namespace/name}. The core group and the
 * namespace of a cluster-scoped object are empty segments ({@code prod//Namespace//shop}). Within a
 * segment, {@code %} is written {@code %25} and {@code /} is written {@code %2F}, so every key
 * round-trips through {@link #parse(String)}. The UTF-8 bytes of this form are the Kafka record key
 * of every per-resource topic, which is what co-partitions desired and live.
 */
public record ResourceKey(String cluster, String group, String kind, String namespace, String name)
    implements Comparable<ResourceKey> {

  public ResourceKey {
    requireNonBlank(cluster, "cluster");
    requireNonBlank(kind, "kind");
    requireNonBlank(name, "name");
    group = group == null ? "" : group;
    namespace = namespace == null ? "" : namespace;
  }

  /**
   * Builds a key from a manifest's {@code apiVersion} (such as {@code apps/v1} or {@code v1}),
   * dropping the version.
   */
  public static ResourceKey of(
      String cluster, String apiVersion, String kind, String namespace, String name) {
    return new ResourceKey(cluster, groupOf(apiVersion), kind, namespace, name);
  }

  /** The API group of an {@code apiVersion}: the part before the slash, or the empty core group. */
  public static String groupOf(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** Parses the canonical form written by {@link #toString()}. */
  @JsonCreator
  public static ResourceKey parse(String text) {
    Objects.requireNonNull(text, "resource key text");
    String[] parts = text.split("/", -1);
    if (parts.length != 5) {
      throw new IllegalArgumentException(
          "Resource key '"
              + text
              + "' must have five '/'-separated segments: cluster/group/kind/namespace/name"
              + " (empty group for the core API, empty namespace for cluster-scoped objects)");
    }
    try {
      return new ResourceKey(
          decode(parts[0]), decode(parts[1]), decode(parts[2]), decode(parts[3]), decode(parts[4]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Resource key '" + text + "' is not valid: " + e.getMessage(), e);
    }
  }

  /** True for objects without a namespace (Namespace, ClusterRole, CRDs...). */
  public boolean clusterScoped() {
    return namespace.isEmpty();
  }

  @JsonValue
  @Override
  public String toString() {
    return encode(cluster)
        + '/'
        + encode(group)
        + '/'
        + encode(kind)
        + '/'
        + encode(namespace)
        + '/'
        + encode(name);
  }

  @Override
  public int compareTo(ResourceKey other) {
    return toString().compareTo(other.toString());
  }

  /** Escapes {@code %} and {@code /} in one segment, as the canonical form does. */
  static String encode(String segment) {
    return segment.replace("%", "%25").replace("/", "%2F");
  }

  private static String decode(String segment) {
    StringBuilder out = new StringBuilder(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      String escape =
          i + 3 <= segment.length() ? segment.substring(i, i + 3) : segment.substring(i);
      switch (escape.toUpperCase(java.util.Locale.ROOT)) {
        case "%25" -> out.append('%');
        case "%2F" -> out.append('/');
        default ->
            throw new IllegalArgumentException(
                "unknown escape '" + escape + "' (only %25 and %2F are used)");
      }
      i += 2;
    }
    return out.toString();
  }

  private static void requireNonBlank(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
  }
}
