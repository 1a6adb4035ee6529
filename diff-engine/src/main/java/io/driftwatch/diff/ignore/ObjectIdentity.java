package io.driftwatch.diff.ignore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a rule can select an object by, read from its manifest: API group and version (from {@code
 * apiVersion}; the core group is empty), kind, name, namespace, labels and annotations (objects,
 * possibly missing).
 */
record ObjectIdentity(
    String group,
    String version,
    String kind,
    String name,
    String namespace,
    JsonNode labels,
    JsonNode annotations) {

  static ObjectIdentity of(JsonNode manifest) {
    String apiVersion = manifest.path("apiVersion").asText("");
    int slash = apiVersion.lastIndexOf('/');
    JsonNode metadata = manifest.path("metadata");
    return new ObjectIdentity(
        slash < 0 ? "" : apiVersion.substring(0, slash),
        apiVersion.substring(slash + 1),
        manifest.path("kind").asText(""),
        metadata.path("name").asText(""),
        metadata.path("namespace").asText(""),
        metadata.path("labels"),
        metadata.path("annotations"));
  }
}
