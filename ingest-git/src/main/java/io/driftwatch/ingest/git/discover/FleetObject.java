package io.driftwatch.ingest.git.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.ResourceKey;

/**
 * One object a fleet rendered, with the repository path of its file.
 *
 * @param path the file that declares it
 * @param manifest the rendered object (namespace already defaulted)
 */
record FleetObject(String path, ObjectNode manifest) {

  String group() {
    return ResourceKey.groupOf(manifest.path("apiVersion").asText());
  }

  String apiVersion() {
    return manifest.path("apiVersion").asText();
  }

  String kind() {
    return manifest.path("kind").asText();
  }

  String namespace() {
    return manifest.path("metadata").path("namespace").asText("");
  }

  String name() {
    return manifest.path("metadata").path("name").asText();
  }

  JsonNode spec() {
    return manifest.path("spec");
  }

  /** {@code Kind namespace/name}, as messages name it. */
  String describe() {
    return kind() + " " + (namespace().isEmpty() ? "" : namespace() + "/") + name();
  }

  boolean is(String group, String kind) {
    return group().equals(group) && kind().equals(kind);
  }
}
