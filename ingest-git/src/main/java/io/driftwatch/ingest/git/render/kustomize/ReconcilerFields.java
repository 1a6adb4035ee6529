package io.driftwatch.ingest.git.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Merges a Flux Kustomization's {@code patches}, {@code images} and {@code components} into the
 * kustomization of its path, as kustomize-controller rewrites the file before it builds: patches
 * and components appended after the file's own, an image entry replacing the file's entry of the
 * same name (whole, not field by field) or appended. For a path without a kustomization file, the
 * same fields make a kustomization of their own that the implicit build applies.
 */
final class ReconcilerFields {

  private ReconcilerFields() {}

  /** {@code top} with the reconciler's fields merged in; {@code top} itself is left alone. */
  static Kustomization merge(Kustomization top, BuildOptions options) throws KustomizeException {
    ObjectNode node = top.node().deepCopy();
    addAll(node, "patches", options.patches());
    if (!options.images().isEmpty()) {
      ArrayNode images = array(node, "images");
      for (ObjectNode image : options.images()) {
        int existing = indexOfName(images, image.path("name").asText());
        if (existing >= 0) {
          images.set(existing, image.deepCopy());
        } else {
          images.add(image.deepCopy());
        }
      }
    }
    if (!options.components().isEmpty()) {
      ArrayNode components = array(node, "components");
      options.components().forEach(components::add);
    }
    return new Kustomization(top.path(), top.directory(), node);
  }

  /**
   * The reconciler's fields as a kustomization of their own for the implicit build of {@code path}
   * (which has no kustomization file); its name in messages says where the fields come from.
   */
  static Kustomization forImplicit(String path, BuildOptions options) throws KustomizeException {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    node.put("kind", "Kustomization");
    addAll(node, "patches", options.patches());
    addAll(node, "images", options.images());
    ArrayNode components = node.putArray("components");
    options.components().forEach(components::add);
    String name =
        TreeFiles.join(path, "kustomization.yaml")
            + " (generated: the Flux Kustomization's patches, images and components)";
    return new Kustomization(name, path, node);
  }

  private static void addAll(ObjectNode node, String field, List<ObjectNode> entries) {
    if (entries.isEmpty()) {
      return;
    }
    ArrayNode array = array(node, field);
    entries.forEach(entry -> array.add(entry.deepCopy()));
  }

  private static ArrayNode array(ObjectNode node, String field) {
    JsonNode existing = node.get(field);
    if (existing instanceof ArrayNode array) {
      return array;
    }
    // A null or absent field becomes a list; a field of another type is left for validation to
    // refuse, which it does when the kustomization is parsed.
    return existing == null || existing.isNull() ? node.putArray(field) : node.arrayNode();
  }

  private static int indexOfName(ArrayNode images, String name) {
    for (int i = 0; i < images.size(); i++) {
      if (images.get(i).path("name").asText().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
