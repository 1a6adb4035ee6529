package io.driftwatch.ingest.git.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One object during a build, with what kustomize remembers about it besides its content: the ids it
 * had before transformers renamed it (name references and patch targets are matched against them),
 * the prefixes and suffixes it received, whether a hash suffix is still due, and the file it came
 * from.
 */
final class KustomizeResource {

  private ObjectNode object;
  private final String path;
  private final List<ResId> previousIds = new ArrayList<>();
  private final List<String> prefixes = new ArrayList<>();
  private final List<String> suffixes = new ArrayList<>();
  private boolean needsHashSuffix;

  KustomizeResource(ObjectNode object, String path) {
    this.object = object;
    this.path = path;
  }

  ObjectNode object() {
    return object;
  }

  void replaceObject(ObjectNode replacement) {
    this.object = replacement;
  }

  String path() {
    return path;
  }

  ResId currentId() {
    return ResId.of(
        text(object.get("apiVersion")),
        text(object.get("kind")),
        text(object.path("metadata").get("namespace")),
        text(object.path("metadata").get("name")));
  }

  /** The id the object was declared with: its oldest previous id, or the current one. */
  ResId originalId() {
    return previousIds.isEmpty() ? currentId() : previousIds.get(0);
  }

  /** Every id the object had before its current one, oldest first. */
  List<ResId> previousIds() {
    return previousIds;
  }

  /** Previous ids and then the current one: what kustomize's "any id" lookups consult. */
  List<ResId> allIds() {
    List<ResId> all = new ArrayList<>(previousIds);
    all.add(currentId());
    return all;
  }

  /** An independent copy: its own object tree and its own history of ids, prefixes and suffixes. */
  KustomizeResource copy() {
    KustomizeResource copy = new KustomizeResource(object.deepCopy(), path);
    copy.previousIds.addAll(previousIds);
    copy.prefixes.addAll(prefixes);
    copy.suffixes.addAll(suffixes);
    copy.needsHashSuffix = needsHashSuffix;
    return copy;
  }

  void storePreviousId() {
    previousIds.add(currentId());
  }

  List<String> prefixes() {
    return prefixes;
  }

  List<String> suffixes() {
    return suffixes;
  }

  boolean needsHashSuffix() {
    return needsHashSuffix;
  }

  void setNeedsHashSuffix(boolean needsHashSuffix) {
    this.needsHashSuffix = needsHashSuffix;
  }

  ObjectNode metadata() {
    JsonNode metadata = object.get("metadata");
    if (metadata instanceof ObjectNode node) {
      return node;
    }
    return object.putObject("metadata");
  }

  String name() {
    return text(object.path("metadata").get("name"));
  }

  void setName(String name) {
    metadata().put("name", name);
  }

  String namespace() {
    return text(object.path("metadata").get("namespace"));
  }

  void setNamespace(String namespace) {
    if (namespace.isEmpty()) {
      metadata().remove("namespace");
    } else {
      metadata().put("namespace", namespace);
    }
  }

  String kind() {
    return text(object.get("kind"));
  }

  static String text(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asText();
  }
}
