package io.driftwatch.ingest.git.render.kustomize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reconciler adds to the build of a path, beyond kustomize's own files: a Flux
 * Kustomization's {@code spec.patches}, {@code spec.images} and {@code spec.components} (merged
 * into the path's kustomization as kustomize-controller merges them), its {@code
 * spec.commonMetadata} (set on every object after the build), and which files the reconciler can
 * see at all: only the top directory for an Argo CD directory application without {@code recurse},
 * only the copied directories for a Flux ExternalArtifact.
 *
 * @param patches kustomize {@code patches} entries ({@code patch} and {@code target}), appended
 *     after the kustomization's own
 * @param images kustomize {@code images} entries; one with the name of an existing entry replaces
 *     it, others are appended
 * @param components component directories relative to the path, appended
 * @param labels labels set on every object's metadata, overriding
 * @param annotations annotations set on every object's metadata, overriding
 * @param recurse false to read only the files directly in the path (Argo CD's plain directory)
 * @param visibleRoots directories the build may read, or empty for the whole repository
 */
public record BuildOptions(
    List<ObjectNode> patches,
    List<ObjectNode> images,
    List<String> components,
    Map<String, String> labels,
    Map<String, String> annotations,
    boolean recurse,
    List<String> visibleRoots) {

  /** Nothing added: the path is built as it is. */
  public static final BuildOptions NONE =
      new BuildOptions(List.of(), List.of(), List.of(), Map.of(), Map.of(), true, List.of());

  public BuildOptions {
    patches = patches == null ? List.of() : List.copyOf(patches);
    images = images == null ? List.of() : List.copyOf(images);
    components = components == null ? List.of() : List.copyOf(components);
    labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    annotations =
        annotations == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    visibleRoots = visibleRoots == null ? List.of() : List.copyOf(visibleRoots);
  }

  /** True when something is merged into the kustomization itself. */
  boolean changesKustomization() {
    return !patches.isEmpty() || !images.isEmpty() || !components.isEmpty();
  }

  /** These options with only the top directory of the path read (or every file when true). */
  public BuildOptions withRecurse(boolean value) {
    return new BuildOptions(patches, images, components, labels, annotations, value, visibleRoots);
  }

  /** These options with the build restricted to files under {@code roots}. */
  public BuildOptions withVisibleRoots(List<String> roots) {
    return new BuildOptions(patches, images, components, labels, annotations, recurse, roots);
  }
}
