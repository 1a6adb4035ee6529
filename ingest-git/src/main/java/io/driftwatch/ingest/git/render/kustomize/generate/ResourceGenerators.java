package io.driftwatch.ingest.git.render.kustomize.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Skeleton: the generator helper implements it. */
public final class ResourceGenerators {

  private ResourceGenerators() {}

  /**
   * The objects of a kustomization's {@code configMapGenerator} and {@code secretGenerator} lists.
   *
   * @param kustomization the parsed kustomization (its {@code generatorOptions} apply to every
   *     entry)
   * @param files reads the files the entries name, relative to the kustomization's directory
   */
  public static List<Generated> generate(JsonNode kustomization, FileSource files)
      throws GeneratorException {
    throw new GeneratorException("not implemented yet" + kustomization + files);
  }

  /**
   * kustomize's name suffix for a ConfigMap or Secret: the encoded content hash (10 characters).
   */
  public static String hashSuffix(ObjectNode configMapOrSecret) {
    throw new UnsupportedOperationException("not implemented yet" + configMapOrSecret);
  }
}
