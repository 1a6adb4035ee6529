package io.driftwatch.ingest.git.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.render.BoundedYamlReader;
import io.driftwatch.ingest.git.render.FileTooLargeException;
import io.driftwatch.ingest.git.render.YamlReadException;
import io.driftwatch.ingest.git.render.kustomize.patch.JsonPatch;
import io.driftwatch.ingest.git.render.kustomize.patch.PatchException;
import io.driftwatch.ingest.git.render.kustomize.patch.PatchTarget;
import io.driftwatch.ingest.git.render.kustomize.patch.StrategicMergePatch;
import io.driftwatch.model.KubernetesObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * kustomize's three patch fields. {@code patches}: a strategic merge patch or a JSON 6902 patch (a
 * list of operations), from a file or inline, applied to the objects its {@code target} selects, or
 * without a target to the object the patch itself names. {@code patchesStrategicMerge} and {@code
 * patchesJson6902} are their older forms. A strategic merge patch keeps the object's name,
 * namespace and kind unless its options allow a change; a JSON patch may rename.
 */
final class PatchTransformer {

  private static final Set<String> PATCH_FIELDS = Set.of("path", "patch", "target", "options");
  private static final Set<String> JSON6902_FIELDS = Set.of("path", "patch", "target");
  private static final Set<String> TARGET_FIELDS =
      Set.of(
          "group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector");

  private final TreeFiles files;
  private final BoundedYamlReader reader;

  PatchTransformer(TreeFiles files, BoundedYamlReader reader) {
    this.files = files;
    this.reader = reader;
  }

  /** A loaded patch: either strategic merge documents or JSON 6902 operations. */
  private record Patch(List<ObjectNode> strategic, JsonNode operations) {}

  void patchesStrategicMerge(Kustomization k, List<KustomizeResource> resources)
      throws KustomizeException, IOException {
    List<String> entries = k.strings("patchesStrategicMerge");
    for (int i = 0; i < entries.size(); i++) {
      String where = "patchesStrategicMerge entry " + (i + 1);
      String entry = entries.get(i);
      Optional<String> path = TreeFiles.resolve(k.directory(), entry.trim());
      byte[] content = null;
      if (!entry.contains("\n") && path.isPresent()) {
        content = read(k, where, path.get()).orElse(null);
      }
      if (content == null) {
        content = entry.getBytes(StandardCharsets.UTF_8);
      }
      Patch patch = parse(k, where, content, false);
      if (patch.operations() != null || patch.strategic().isEmpty()) {
        throw k.error(
            "patchesStrategicMerge",
            "entry "
                + (i + 1)
                + " is neither a file nor an inline strategic merge patch with apiVersion, kind"
                + " and metadata.name");
      }
      for (ObjectNode document : patch.strategic()) {
        applyToNamedObject(k, where, resources, document, false, false);
      }
    }
  }

  void patches(Kustomization k, List<KustomizeResource> resources)
      throws KustomizeException, IOException {
    List<JsonNode> entries = k.list("patches");
    for (int i = 0; i < entries.size(); i++) {
      String where = "patches entry " + (i + 1);
      JsonNode entry = entries.get(i);
      checkFields(k, where, entry, PATCH_FIELDS);
      boolean allowNameChange = entry.path("options").path("allowNameChange").asBoolean(false);
      boolean allowKindChange = entry.path("options").path("allowKindChange").asBoolean(false);
      Patch patch = load(k, where, entry);
      Optional<PatchTarget> target = target(k, where, entry.get("target"));
      if (patch.operations() != null) {
        if (target.isEmpty()) {
          throw k.error("patches", "entry " + (i + 1) + ": a JSON 6902 patch needs a target");
        }
        applyJson(k, where, resources, target.get(), patch.operations());
        continue;
      }
      for (ObjectNode document : patch.strategic()) {
        if (target.isEmpty()) {
          applyToNamedObject(k, where, resources, document, allowNameChange, allowKindChange);
          continue;
        }
        for (KustomizeResource resource : List.copyOf(resources)) {
          if (!selects(target.get(), resource)) {
            continue;
          }
          ObjectNode copy = document.deepCopy();
          copy.set("apiVersion", resource.object().get("apiVersion"));
          applyStrategic(k, where, resources, resource, copy, allowNameChange, allowKindChange);
        }
      }
    }
  }

  void patchesJson6902(Kustomization k, List<KustomizeResource> resources)
      throws KustomizeException, IOException {
    List<JsonNode> entries = k.list("patchesJson6902");
    for (int i = 0; i < entries.size(); i++) {
      String where = "patchesJson6902 entry " + (i + 1);
      JsonNode entry = entries.get(i);
      checkFields(k, where, entry, JSON6902_FIELDS);
      Optional<PatchTarget> target = target(k, where, entry.get("target"));
      if (target.isEmpty()) {
        throw k.error("patchesJson6902", "entry " + (i + 1) + " needs a target");
      }
      Patch patch = load(k, where, entry);
      JsonNode operations = patch.operations();
      if (operations == null) {
        throw k.error(
            "patchesJson6902", "entry " + (i + 1) + " is not a list of JSON 6902 operations");
      }
      applyJson(k, where, resources, target.get(), operations);
    }
  }

  private void applyJson(
      Kustomization k,
      String where,
      List<KustomizeResource> resources,
      PatchTarget target,
      JsonNode operations)
      throws KustomizeException {
    for (KustomizeResource resource : resources) {
      if (!selects(target, resource)) {
        continue;
      }
      resource.storePreviousId();
      try {
        resource.replaceObject(JsonPatch.apply(resource.object(), operations));
      } catch (PatchException e) {
        throw new KustomizeException(
            k.path(),
            k.path() + ": " + where + " on " + resource.currentId() + ": " + e.getMessage());
      }
    }
  }

  private void applyToNamedObject(
      Kustomization k,
      String where,
      List<KustomizeResource> resources,
      ObjectNode document,
      boolean allowNameChange,
      boolean allowKindChange)
      throws KustomizeException {
    ResId id =
        ResId.of(
            document.path("apiVersion").asText(),
            document.path("kind").asText(),
            document.path("metadata").path("namespace").asText(""),
            document.path("metadata").path("name").asText());
    List<KustomizeResource> matches =
        resources.stream().filter(r -> r.allIds().stream().anyMatch(id::sameAs)).toList();
    if (matches.size() != 1) {
      throw new KustomizeException(
          k.path(),
          k.path()
              + ": "
              + where
              + ": "
              + (matches.isEmpty() ? "no object" : matches.size() + " objects")
              + " of the build match "
              + id
              + " (a strategic merge patch without a target must name exactly one object)");
    }
    applyStrategic(
        k, where, resources, matches.get(0), document.deepCopy(), allowNameChange, allowKindChange);
  }

  private static void applyStrategic(
      Kustomization k,
      String where,
      List<KustomizeResource> resources,
      KustomizeResource resource,
      ObjectNode patch,
      boolean allowNameChange,
      boolean allowKindChange)
      throws KustomizeException {
    if (patch.path("$patch").asText("").equals("delete")) {
      resources.remove(resource);
      return;
    }
    String name = resource.name();
    String namespace = resource.namespace();
    String kind = resource.kind();
    if (allowNameChange || allowKindChange) {
      resource.storePreviousId();
    }
    ObjectNode result;
    try {
      result = StrategicMergePatch.apply(resource.object(), patch);
    } catch (PatchException e) {
      throw new KustomizeException(
          k.path(),
          k.path() + ": " + where + " on " + resource.currentId() + ": " + e.getMessage());
    }
    if (result == null || result.isEmpty() || !result.has("kind")) {
      resources.remove(resource);
      return;
    }
    resource.replaceObject(result);
    if (!allowKindChange) {
      result.put("kind", kind);
    }
    if (!allowNameChange) {
      resource.setName(name);
    }
    resource.setNamespace(namespace);
  }

  /** kustomize's Select: name and namespace may match the original or the current id. */
  static boolean selects(PatchTarget target, KustomizeResource resource) {
    ResId current = resource.currentId();
    ResId original = resource.originalId();
    Set<String> names = new LinkedHashSet<>(List.of(original.name(), current.name()));
    Set<String> namespaces =
        new LinkedHashSet<>(List.of(probeNamespace(original), probeNamespace(current)));
    for (String name : names) {
      for (String namespace : namespaces) {
        ObjectNode probe = JsonNodeFactory.instance.objectNode();
        probe.set("apiVersion", resource.object().get("apiVersion"));
        probe.set("kind", resource.object().get("kind"));
        JsonNode metadata = resource.object().get("metadata");
        ObjectNode probeMetadata =
            metadata instanceof ObjectNode m ? m.deepCopy() : probe.objectNode();
        probeMetadata.put("name", name);
        probeMetadata.put("namespace", namespace);
        probe.set("metadata", probeMetadata);
        if (target.matches(probe)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String probeNamespace(ResId id) {
    // kustomize matches a target's namespace against the effective namespace.
    return id.clusterScoped() ? "_non_namespaceable_" : id.effectiveNamespace();
  }

  private Optional<PatchTarget> target(Kustomization k, String where, JsonNode target)
      throws KustomizeException {
    if (target == null || target.isNull()) {
      return Optional.empty();
    }
    checkFields(k, where + " target", target, TARGET_FIELDS);
    try {
      return Optional.of(PatchTarget.parse(target));
    } catch (PatchException e) {
      throw new KustomizeException(k.path(), k.path() + ": " + where + ": " + e.getMessage());
    }
  }

  private Patch load(Kustomization k, String where, JsonNode entry)
      throws KustomizeException, IOException {
    JsonNode path = entry.get("path");
    JsonNode inline = entry.get("patch");
    boolean hasPath = path != null && !path.isNull() && !path.asText().isEmpty();
    boolean hasInline = inline != null && !inline.isNull() && !inline.asText().isBlank();
    if (hasPath == hasInline) {
      throw new KustomizeException(
          k.path(), k.path() + ": " + where + ": set exactly one of 'path' and 'patch'");
    }
    if (hasInline) {
      if (!inline.isTextual()) {
        throw new KustomizeException(
            k.path(), k.path() + ": " + where + ": 'patch' must be a string");
      }
      return parse(k, where, inline.asText().getBytes(StandardCharsets.UTF_8), true);
    }
    Optional<String> resolved = TreeFiles.resolve(k.directory(), path.asText());
    if (resolved.isEmpty()) {
      throw new KustomizeException(
          k.path(),
          k.path() + ": " + where + ": path '" + path.asText() + "' leaves the repository");
    }
    Optional<byte[]> content = read(k, where, resolved.get());
    if (content.isEmpty()) {
      throw new KustomizeException(
          k.path(),
          k.path() + ": " + where + ": patch file '" + path.asText() + "' does not exist");
    }
    return parse(k, where, content.get(), true);
  }

  private Optional<byte[]> read(Kustomization k, String where, String path)
      throws KustomizeException, IOException {
    try {
      return files.readIfFile(path);
    } catch (FileTooLargeException e) {
      throw new KustomizeException(k.path(), k.path() + ": " + where + ": " + e.getMessage());
    }
  }

  private Patch parse(Kustomization k, String where, byte[] content, boolean strict)
      throws KustomizeException {
    List<JsonNode> documents;
    try {
      documents = reader.read(content);
    } catch (YamlReadException e) {
      throw new KustomizeException(
          k.path(), k.path() + ": " + where + ": invalid YAML: " + e.getMessage());
    }
    List<JsonNode> present = documents.stream().filter(d -> d != null && !d.isNull()).toList();
    if (present.size() == 1 && present.get(0).isArray()) {
      return new Patch(List.of(), present.get(0));
    }
    List<ObjectNode> strategic = new ArrayList<>();
    for (JsonNode document : present) {
      if (!(document instanceof ObjectNode object)
          || !KubernetesObjects.missingIdentity(object).isEmpty()) {
        if (!strict) {
          return new Patch(List.of(), null);
        }
        throw new KustomizeException(
            k.path(),
            k.path()
                + ": "
                + where
                + ": neither a JSON 6902 patch (a list of operations) nor a strategic merge"
                + " patch (an object with apiVersion, kind and metadata.name)");
      }
      strategic.add(object);
    }
    return new Patch(strategic, null);
  }

  private static void checkFields(Kustomization k, String where, JsonNode entry, Set<String> known)
      throws KustomizeException {
    if (!entry.isObject()) {
      throw new KustomizeException(k.path(), k.path() + ": " + where + ": must be a mapping");
    }
    Iterator<String> names = entry.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new KustomizeException(
            k.path(), k.path() + ": " + where + ": unknown field '" + name + "'");
      }
    }
  }
}
