package io.driftwatch.ingest.git.render.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.render.BoundedYamlReader;
import io.driftwatch.ingest.git.render.FileTooLargeException;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.ingest.git.render.YamlReadException;
import io.driftwatch.ingest.git.render.kustomize.generate.Generated;
import io.driftwatch.ingest.git.render.kustomize.generate.GeneratorException;
import io.driftwatch.ingest.git.render.kustomize.generate.ResourceGenerators;
import io.driftwatch.model.KubernetesObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code kustomize build}, in kustomize v5.5's order. For each kustomization: its resources
 * (files, and directories built as bases, recursively), its generators, its components (each
 * applied to everything gathered so far), then its transformers: patchesStrategicMerge, patches,
 * namespace, namePrefix, nameSuffix, labels, commonLabels, commonAnnotations, patchesJson6902,
 * replicas, images. Only at the top: generated objects get their hash suffix, name references are
 * rewritten, objects marked local-config are dropped, and the result is sorted.
 */
final class KustomizeBuild {

  private static final Set<String> LABEL_FIELDS =
      Set.of("pairs", "includeSelectors", "includeTemplates", "fields");
  private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag", "digest");
  private static final Set<String> REPLICA_FIELDS = Set.of("name", "count");
  private static final Set<String> FIELD_SPEC_FIELDS =
      Set.of("group", "version", "kind", "path", "create");
  private static final String LOCAL_CONFIG = "config.kubernetes.io/local-config";

  private final TreeFiles files;
  private final AccumulatedBases bases;
  private final BoundedYamlReader reader;
  private final PatchTransformer patches;
  private final List<String> stack = new ArrayList<>();

  /**
   * The documents of each file this build parsed, by path. A base shared by many overlays (a Flux
   * path of a hundred tenants) is parsed once instead of once per overlay; every use gets its own
   * deep copy, because transformers change objects in place.
   */
  private final Map<String, List<JsonNode>> parsed = new HashMap<>();

  KustomizeBuild(TreeFiles files, YamlLimits limits, AccumulatedBases bases) {
    this.files = files;
    this.bases = bases;
    this.reader = new BoundedYamlReader(limits);
    this.patches = new PatchTransformer(files, reader);
  }

  /**
   * The kustomization file in {@code directory}, parsed and checked; empty when there is none.
   *
   * @throws KustomizeException when there are several, or it cannot be read or is invalid
   */
  Optional<Kustomization> load(String directory) throws KustomizeException, IOException {
    Map<String, byte[]> found = new LinkedHashMap<>();
    for (String name : Kustomization.FILE_NAMES) {
      String path = TreeFiles.join(directory, name);
      try {
        files.readIfFile(path).ifPresent(bytes -> found.put(path, bytes));
      } catch (FileTooLargeException e) {
        throw new KustomizeException(path, e.getMessage());
      }
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    if (found.size() > 1) {
      throw new KustomizeException(
          found.keySet().iterator().next(),
          "found several kustomization files in '"
              + (directory.isEmpty() ? "." : directory)
              + "': "
              + String.join(", ", found.keySet())
              + " (keep one)");
    }
    Map.Entry<String, byte[]> file = found.entrySet().iterator().next();
    String path = file.getKey();
    List<JsonNode> documents;
    try {
      documents = parse(path, file.getValue());
    } catch (YamlReadException e) {
      throw new KustomizeException(path, path + ": invalid YAML: " + e.getMessage());
    }
    List<JsonNode> present = documents.stream().filter(d -> d != null && !d.isNull()).toList();
    if (present.size() != 1 || !(present.get(0) instanceof ObjectNode node)) {
      throw new KustomizeException(
          path, path + ": a kustomization file must hold exactly one mapping");
    }
    return Optional.of(new Kustomization(path, directory, node));
  }

  /**
   * Builds {@code top} completely; {@code namespaceOverride} replaces its {@code namespace} field
   * (Flux's targetNamespace).
   */
  List<KustomizeResource> build(Kustomization top, Optional<String> namespaceOverride)
      throws KustomizeException, IOException {
    List<KustomizeResource> resources = new ArrayList<>();
    stack.add(top.directory());
    accumulate(top, resources, namespaceOverride);
    stack.remove(stack.size() - 1);
    finish(resources, top.path());
    LegacyOrder.sort(resources, top);
    return resources;
  }

  /**
   * Gathers the objects of the kustomization in {@code directory}, which must have one, without the
   * top-level finishing steps; reused from an earlier build while its files are unchanged.
   */
  List<KustomizeResource> accumulateBase(String directory) throws KustomizeException, IOException {
    List<KustomizeResource> reused = bases.reuse(directory, files);
    if (reused != null) {
      return reused;
    }
    Map<String, TreeFiles.Answer> reads = files.startRecording();
    List<KustomizeResource> resources = new ArrayList<>();
    boolean complete = false;
    try {
      Kustomization kustomization =
          load(directory)
              .orElseThrow(() -> new IllegalStateException("no kustomization in " + directory));
      stack.add(kustomization.directory());
      accumulate(kustomization, resources, Optional.empty());
      stack.remove(stack.size() - 1);
      complete = true;
    } finally {
      List<TreeFiles.Answer> answers = files.stopRecording(reads);
      if (complete) {
        bases.remember(directory, answers, resources);
      }
    }
    return resources;
  }

  /** The steps kustomize runs once, at the top: hash suffixes, name references, local config. */
  void finish(List<KustomizeResource> resources, String topPath) throws KustomizeException {
    for (KustomizeResource resource : resources) {
      if (resource.needsHashSuffix()) {
        String hash = ResourceGenerators.hashSuffix(resource.object());
        resource.storePreviousId();
        resource.setName(resource.name() + "-" + hash);
      }
    }
    NameReferenceFixer.fix(resources, topPath);
    resources.removeIf(
        r ->
            r.object()
                .path("metadata")
                .path("annotations")
                .path(LOCAL_CONFIG)
                .asText("")
                .equals("true"));
  }

  /**
   * A reconciler's components and patches (see {@link ReconcilerFields}) applied to the objects of
   * an implicit kustomization, where kustomize applies a kustomization's own: components first,
   * then patches, both before the namespace.
   */
  void applyComponentsAndPatches(Kustomization reconciler, List<KustomizeResource> resources)
      throws KustomizeException, IOException {
    stack.add(reconciler.directory());
    accumulateComponents(reconciler, resources);
    patches.patches(reconciler, resources);
    stack.remove(stack.size() - 1);
  }

  /** A reconciler's images applied to the objects of an implicit kustomization, last. */
  void applyImages(Kustomization reconciler, List<KustomizeResource> resources)
      throws KustomizeException {
    images(reconciler, resources);
  }

  private void accumulate(
      Kustomization k, List<KustomizeResource> resources, Optional<String> namespaceOverride)
      throws KustomizeException, IOException {
    accumulateResources(k, resources);
    runGenerators(k, resources);
    accumulateComponents(k, resources);
    runTransformers(k, resources, namespaceOverride);
  }

  private void accumulateResources(Kustomization k, List<KustomizeResource> resources)
      throws KustomizeException, IOException {
    Map<String, KustomizeResource> index = new HashMap<>();
    for (KustomizeResource resource : resources) {
      index.putIfAbsent(key(resource.currentId()), resource);
    }
    for (String entry : k.resources()) {
      String where = "resources entry '" + entry + "'";
      String path = resolve(k, where, entry);
      Optional<byte[]> content = read(k, where, path);
      if (content.isPresent()) {
        for (KustomizeResource resource : parseResources(k, where, path, content.get())) {
          append(k, where, resources, index, resource);
        }
        continue;
      }
      List<KustomizeResource> built = bases.reuse(path, files);
      if (built != null) {
        // A base reaching back to one of its parents is still a cycle.
        enter(k, where, path);
        stack.remove(stack.size() - 1);
      } else {
        built = accumulateResourceBase(k, where, entry, path);
      }
      for (KustomizeResource resource : built) {
        append(k, where, resources, index, resource);
      }
    }
  }

  /** Builds a directory listed in {@code k}'s resources, and remembers it for later builds. */
  private List<KustomizeResource> accumulateResourceBase(
      Kustomization k, String where, String entry, String path)
      throws KustomizeException, IOException {
    Map<String, TreeFiles.Answer> reads = files.startRecording();
    List<KustomizeResource> built = new ArrayList<>();
    boolean complete = false;
    try {
      Kustomization base = directory(k, where, entry, path);
      if (base.isComponent()) {
        throw k.error(
            where, "'" + path + "' is a Component; list it under components, not resources");
      }
      enter(k, where, path);
      accumulate(base, built, Optional.empty());
      stack.remove(stack.size() - 1);
      complete = true;
    } finally {
      List<TreeFiles.Answer> answers = files.stopRecording(reads);
      if (complete) {
        bases.remember(path, answers, built);
      }
    }
    return built;
  }

  private void accumulateComponents(Kustomization k, List<KustomizeResource> resources)
      throws KustomizeException, IOException {
    for (String entry : k.strings("components")) {
      String where = "components entry '" + entry + "'";
      String path = resolve(k, where, entry);
      Kustomization component = directory(k, where, entry, path);
      if (!component.isComponent()) {
        throw k.error(
            where,
            "'"
                + component.path()
                + "' is a "
                + component.kind()
                + ", not a Component (kind: Component, apiVersion:"
                + " kustomize.config.k8s.io/v1alpha1)");
      }
      enter(k, where, path);
      // A component works on everything its parent has gathered so far.
      accumulate(component, resources, Optional.empty());
      stack.remove(stack.size() - 1);
    }
  }

  private void enter(Kustomization k, String where, String directory) throws KustomizeException {
    if (stack.contains(directory)) {
      List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(directory), stack.size()));
      cycle.add(directory);
      throw k.error(
          where,
          "creates a cycle: "
              + String.join(" -> ", cycle.stream().map(d -> d.isEmpty() ? "." : d).toList()));
    }
    stack.add(directory);
  }

  private String resolve(Kustomization k, String where, String entry) throws KustomizeException {
    Optional<String> path = TreeFiles.resolve(k.directory(), entry);
    if (TreeFiles.looksRemote(entry)) {
      throw k.error(
          where,
          "remote resources are not supported by driftwatch's renderer; vendor the base into"
              + " the repository or render it as its own source");
    }
    if (path.isEmpty()) {
      throw k.error(where, "points outside the repository");
    }
    return path.get();
  }

  private Kustomization directory(Kustomization k, String where, String entry, String path)
      throws KustomizeException, IOException {
    if (!files.isDirectory(path)) {
      throw k.error(where, "'" + path + "' does not exist at this commit");
    }
    Optional<Kustomization> loaded = load(path);
    if (loaded.isEmpty()) {
      throw k.error(
          where,
          "directory '" + path + "' has no kustomization.yaml, kustomization.yml or Kustomization");
    }
    return loaded.get();
  }

  private Optional<byte[]> read(Kustomization k, String where, String path)
      throws KustomizeException, IOException {
    try {
      return files.readIfFile(path);
    } catch (FileTooLargeException e) {
      throw k.error(where, e.getMessage());
    }
  }

  private List<KustomizeResource> parseResources(
      Kustomization k, String where, String path, byte[] content) throws KustomizeException {
    List<JsonNode> documents;
    try {
      documents = parse(path, content);
    } catch (YamlReadException e) {
      throw new KustomizeException(
          path, k.path() + ": " + where + ": " + path + ": invalid YAML: " + e.getMessage());
    }
    List<KustomizeResource> parsed = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      JsonNode document = documents.get(i);
      if (document == null || document.isNull()) {
        continue;
      }
      String at = documents.size() == 1 ? "" : " document " + (i + 1);
      collect(k, where, path, at, document, parsed);
    }
    return parsed;
  }

  /**
   * The documents of the file at {@code path}, whose bytes are {@code content}, as fresh copies.
   */
  private List<JsonNode> parse(String path, byte[] content) throws YamlReadException {
    List<JsonNode> documents = parsed.get(path);
    if (documents == null) {
      documents = reader.read(content);
      parsed.put(path, documents);
    }
    List<JsonNode> copies = new ArrayList<>(documents.size());
    for (JsonNode document : documents) {
      copies.add(document == null ? null : document.deepCopy());
    }
    return copies;
  }

  private static void collect(
      Kustomization k,
      String where,
      String path,
      String at,
      JsonNode document,
      List<KustomizeResource> into)
      throws KustomizeException {
    if (!(document instanceof ObjectNode object)) {
      throw new KustomizeException(
          path, k.path() + ": " + where + ": " + path + at + " is not a mapping");
    }
    if (KubernetesObjects.isList(object)) {
      JsonNode items = object.path("items");
      for (int j = 0; j < items.size(); j++) {
        collect(k, where, path, at + " item " + (j + 1), items.get(j), into);
      }
      return;
    }
    List<String> missing = KubernetesObjects.missingIdentity(object);
    if (!missing.isEmpty()) {
      throw new KustomizeException(
          path,
          k.path()
              + ": "
              + where
              + ": "
              + path
              + at
              + " is not a Kubernetes object: missing "
              + String.join(", ", missing));
    }
    into.add(new KustomizeResource(object, path));
  }

  private static void append(
      Kustomization k,
      String where,
      List<KustomizeResource> resources,
      Map<String, KustomizeResource> index,
      KustomizeResource added)
      throws KustomizeException {
    ResId id = added.currentId();
    KustomizeResource existing = index.putIfAbsent(key(id), added);
    if (existing != null) {
      throw k.error(
          where,
          id
              + " from "
              + added.path()
              + " is already in the build (from "
              + existing.path()
              + "); kustomize refuses the same object twice");
    }
    resources.add(added);
  }

  /** What makes two ids the same object for kustomize (see {@link ResId#sameAs}). */
  private static String key(ResId id) {
    return String.join(
        "\u0000", id.group(), id.version(), id.kind(), id.effectiveNamespace(), id.name());
  }

  private void runGenerators(Kustomization k, List<KustomizeResource> resources)
      throws KustomizeException {
    if (!k.has("configMapGenerator") && !k.has("secretGenerator")) {
      return;
    }
    List<Generated> generated;
    try {
      generated =
          ResourceGenerators.generate(
              k.node(),
              relative -> {
                Optional<String> path = TreeFiles.resolve(k.directory(), relative);
                if (path.isEmpty()) {
                  throw new IOException("'" + relative + "' points outside the repository");
                }
                Optional<byte[]> content = files.readIfFile(path.get());
                if (content.isEmpty()) {
                  throw new IOException("'" + path.get() + "' does not exist at this commit");
                }
                return content.get();
              });
    } catch (GeneratorException e) {
      throw new KustomizeException(k.path(), k.path() + ": " + e.getMessage());
    }
    for (Generated object : generated) {
      GeneratorMerger.absorb(resources, object, k);
    }
  }

  private void runTransformers(
      Kustomization k, List<KustomizeResource> resources, Optional<String> namespaceOverride)
      throws KustomizeException, IOException {
    patches.patchesStrategicMerge(k, resources);
    patches.patches(k, resources);
    NamespaceTransformer.apply(
        resources, namespaceOverride.isPresent() ? namespaceOverride.get() : k.string("namespace"));
    NameAffixTransformer.prefix(resources, k.string("namePrefix"));
    NameAffixTransformer.suffix(resources, k.string("nameSuffix"));
    labels(k, resources);
    LabelTransformer.apply(resources, k.stringMap("commonLabels"), BuiltinFieldSpecs.COMMON_LABELS);
    LabelTransformer.apply(
        resources, k.stringMap("commonAnnotations"), BuiltinFieldSpecs.COMMON_ANNOTATIONS);
    patches.patchesJson6902(k, resources);
    replicas(k, resources);
    images(k, resources);
  }

  private static void labels(Kustomization k, List<KustomizeResource> resources)
      throws KustomizeException {
    List<JsonNode> entries = k.list("labels");
    for (int i = 0; i < entries.size(); i++) {
      String where = "labels entry " + (i + 1);
      JsonNode entry = entries.get(i);
      checkFields(k, where, entry, LABEL_FIELDS);
      List<FieldSpec> specs = new ArrayList<>();
      for (JsonNode field : list(k, where + " fields", entry.get("fields"))) {
        specs.add(fieldSpec(k, where, field));
      }
      if (bool(k, where, entry, "includeSelectors")) {
        specs.addAll(BuiltinFieldSpecs.COMMON_LABELS);
      } else {
        if (bool(k, where, entry, "includeTemplates")) {
          specs.addAll(BuiltinFieldSpecs.TEMPLATE_LABELS);
        }
        specs.add(BuiltinFieldSpecs.METADATA_LABELS);
      }
      LabelTransformer.apply(resources, k.stringMap(entry.get("pairs"), where + " pairs"), specs);
    }
  }

  private static void replicas(Kustomization k, List<KustomizeResource> resources)
      throws KustomizeException {
    List<JsonNode> entries = k.list("replicas");
    for (int i = 0; i < entries.size(); i++) {
      String where = "replicas entry " + (i + 1);
      JsonNode entry = entries.get(i);
      checkFields(k, where, entry, REPLICA_FIELDS);
      String name = string(k, where, entry, "name");
      JsonNode count = entry.get("count");
      if (count == null || !count.canConvertToLong() || !count.isIntegralNumber()) {
        throw k.error(where, "count must be a whole number");
      }
      ReplicaTransformer.apply(resources, name, count.asLong(), k);
    }
  }

  private static void images(Kustomization k, List<KustomizeResource> resources)
      throws KustomizeException {
    List<JsonNode> entries = new ArrayList<>(k.list("images"));
    entries.addAll(k.list("imageTags"));
    for (int i = 0; i < entries.size(); i++) {
      String where = "images entry " + (i + 1);
      JsonNode entry = entries.get(i);
      checkFields(k, where, entry, IMAGE_FIELDS);
      ImageTransformer.apply(
          resources,
          string(k, where, entry, "name"),
          string(k, where, entry, "newName"),
          string(k, where, entry, "newTag"),
          string(k, where, entry, "digest"));
    }
  }

  private static FieldSpec fieldSpec(Kustomization k, String where, JsonNode node)
      throws KustomizeException {
    checkFields(k, where + " fields", node, FIELD_SPEC_FIELDS);
    String path = string(k, where, node, "path");
    if (path.isEmpty()) {
      throw k.error(where, "every entry of fields needs a path");
    }
    return new FieldSpec(
        string(k, where, node, "group"),
        string(k, where, node, "version"),
        string(k, where, node, "kind"),
        path,
        bool(k, where, node, "create"));
  }

  private static List<JsonNode> list(Kustomization k, String where, JsonNode node)
      throws KustomizeException {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw k.error(where, "must be a list");
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  private static String string(Kustomization k, String where, JsonNode entry, String field)
      throws KustomizeException {
    JsonNode value = entry.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw k.error(where, "'" + field + "' must be a string (quote it, as kustomize requires)");
    }
    return value.asText();
  }

  private static boolean bool(Kustomization k, String where, JsonNode entry, String field)
      throws KustomizeException {
    JsonNode value = entry.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw k.error(where, "'" + field + "' must be true or false");
    }
    return value.asBoolean();
  }

  private static void checkFields(Kustomization k, String where, JsonNode entry, Set<String> known)
      throws KustomizeException {
    if (!entry.isObject()) {
      throw k.error(where, "must be a mapping");
    }
    Iterator<String> names = entry.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw k.error(where, "unknown field '" + name + "'");
      }
    }
  }
}
