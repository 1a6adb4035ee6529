package io.driftwatch.ingest.git.render.kustomize.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * kustomize's {@code configMapGenerator} and {@code secretGenerator}: the objects a kustomization
 * declares, and the content hash kustomize appends to their names. Matches kustomize v5.5.0 (as
 * built into kubectl 1.32), checked against {@code kubectl kustomize}.
 */
public final class ResourceGenerators {

  private ResourceGenerators() {}

  /**
   * The objects of a kustomization's {@code configMapGenerator} and {@code secretGenerator} lists,
   * ConfigMaps first, each list in declaration order (the order in which kustomize adds them, which
   * matters when a later entry merges into an earlier one).
   *
   * @param kustomization the parsed kustomization (its {@code generatorOptions} apply to every
   *     entry)
   * @param files reads the files the entries name, relative to the kustomization's directory
   * @throws GeneratorException naming the entry and the problem, never a value
   */
  public static List<Generated> generate(JsonNode kustomization, FileSource files)
      throws GeneratorException {
    if (kustomization == null || !kustomization.isObject()) {
      throw new GeneratorException("the kustomization must be a map");
    }
    KustomizationFields fields = new KustomizationFields(kustomization, "kustomization");
    GeneratorOptions global =
        GeneratorOptions.parse(fields.object("generatorOptions"), "generatorOptions");
    List<Generated> generated = new ArrayList<>();
    for (GeneratorKind kind : GeneratorKind.values()) {
      JsonNode entries = kustomization.get(kind.field);
      if (entries == null || entries.isNull()) {
        continue;
      }
      if (!entries.isArray()) {
        throw new GeneratorException(kind.field + " must be a list of entries");
      }
      for (int i = 0; i < entries.size(); i++) {
        GeneratorArgs args = GeneratorArgs.parse(kind, i, entries.get(i), global);
        ObjectNode object = GeneratedObjectBuilder.build(args, KeyValueLoader.load(args, files));
        generated.add(
            new Generated(object, args.behavior(), !args.options().disableNameSuffixHash()));
      }
    }
    return generated;
  }

  /**
   * kustomize's name suffix for a ConfigMap or Secret: the encoded content hash (10 characters).
   * The object's name does not enter it (see {@link ContentHash}); call it on the object as it is
   * after every transformation and merge, as kustomize does.
   *
   * @throws IllegalArgumentException for any other kind
   */
  public static String hashSuffix(ObjectNode configMapOrSecret) {
    return ContentHash.suffix(configMapOrSecret);
  }
}
