package io.driftwatch.ingest.git.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.render.kustomize.generate.Generated;
import java.util.List;
import java.util.Map;

/**
 * Adds a generated ConfigMap or Secret to the build as kustomize's accumulator absorbs it: {@code
 * create} (the default) adds it and refuses a name already taken; {@code merge} and {@code replace}
 * need an object of that name (current or earlier name) and take over its name, namespace, labels
 * and annotations (and, for merge, its data under the new data), its file, and whether it still
 * gets a hash suffix.
 */
final class GeneratorMerger {

  private GeneratorMerger() {}

  static void absorb(List<KustomizeResource> resources, Generated generated, Kustomization k)
      throws KustomizeException {
    KustomizeResource fresh = new KustomizeResource(generated.object(), k.path());
    fresh.setNeedsHashSuffix(generated.hashSuffix());
    ResId id = fresh.currentId();
    String behavior = generated.behavior() == null ? "create" : generated.behavior();
    List<KustomizeResource> matches =
        resources.stream().filter(r -> r.allIds().stream().anyMatch(id::sameAs)).toList();
    String what = id.kind() + " generator '" + id.name() + "'";
    if (matches.size() > 1) {
      throw k.error(
          what,
          "several objects could take its "
              + behavior
              + ": "
              + matches.stream().map(r -> r.currentId().toString()).toList());
    }
    if (matches.isEmpty()) {
      if (behavior.equals("merge") || behavior.equals("replace")) {
        throw k.error(
            what,
            "behavior "
                + behavior
                + " needs an object of that name from the resources, and there is none");
      }
      resources.add(fresh);
      return;
    }
    KustomizeResource old = matches.get(0);
    if (!behavior.equals("merge") && !behavior.equals("replace")) {
      throw k.error(what, "an object of that name already exists; set behavior: merge or replace");
    }
    ObjectNode object = fresh.object();
    ObjectNode metadata = fresh.metadata();
    merge(metadata, "labels", old.object().path("metadata").get("labels"));
    merge(metadata, "annotations", old.object().path("metadata").get("annotations"));
    fresh.setName(old.name());
    fresh.setNamespace(old.namespace());
    if (behavior.equals("merge")) {
      merge(object, "data", old.object().get("data"));
      merge(object, "binaryData", old.object().get("binaryData"));
    }
    // The object keeps the old one's place, file, earlier names and hash-suffix flag.
    old.replaceObject(object);
  }

  /** {@code into.field} becomes {@code base} overlaid with what {@code into.field} had. */
  private static void merge(ObjectNode into, String field, JsonNode base) {
    if (!(base instanceof ObjectNode baseMap) || baseMap.isEmpty()) {
      return;
    }
    ObjectNode merged = baseMap.deepCopy();
    JsonNode own = into.get(field);
    if (own instanceof ObjectNode ownMap) {
      for (Map.Entry<String, JsonNode> entry : ownMap.properties()) {
        merged.set(entry.getKey(), entry.getValue());
      }
    }
    into.set(field, merged);
  }
}
