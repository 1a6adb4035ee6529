package io.driftwatch.ingest.git.render.kustomize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.render.ManifestRenderer;
import io.driftwatch.ingest.git.render.RenderError;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.ingest.git.render.SourceTree;
import io.driftwatch.ingest.git.render.YamlLimits;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a source path as {@code kustomize build} (v5.5) would, in-process. With a kustomization
 * file in the path, the build is all or nothing: any error (a missing base or patch target, an
 * unsupported field, a remote base) fails the whole source, naming the kustomization file and the
 * entry, and the result {@link RenderResult#failed() failed}. Without one, it does what Flux's
 * kustomize-controller does: every manifest under the path, recursively, except that a subdirectory
 * with its own kustomization is built as a base; plain files that cannot be read are errors for
 * their file only. {@link BuildOptions} add what a Flux Kustomization or an Argo CD Application
 * brings to the build.
 */
public final class KustomizeRenderer implements ManifestRenderer {

  private final YamlLimits limits;
  private final Optional<String> targetNamespace;
  private final BuildOptions options;
  private final AccumulatedBases bases = new AccumulatedBases();

  public KustomizeRenderer() {
    this(YamlLimits.DEFAULTS, Optional.empty());
  }

  /**
   * @param limits bounds on every YAML file read
   * @param targetNamespace Flux's {@code spec.targetNamespace}: replaces the top kustomization's
   *     namespace (or is applied to the implicit kustomization); empty to leave namespaces alone
   */
  public KustomizeRenderer(YamlLimits limits, Optional<String> targetNamespace) {
    this(limits, targetNamespace, BuildOptions.NONE);
  }

  /**
   * @param options what the reconciler adds to the build (Flux patches, images, components, common
   *     metadata; which files it can see)
   */
  public KustomizeRenderer(
      YamlLimits limits, Optional<String> targetNamespace, BuildOptions options) {
    this.limits = limits;
    this.targetNamespace = targetNamespace.filter(ns -> !ns.isBlank());
    this.options = options;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Bases whose files are the same as in this renderer's previous build are not built again (see
   * {@link AccumulatedBases}); one renderer therefore renders one build at a time.
   */
  @Override
  public synchronized RenderResult render(SourceTree tree, String path) throws IOException {
    TreeFiles files = new TreeFiles(ReconcilerView.of(tree, options, path), limits);
    KustomizeBuild build = new KustomizeBuild(files, limits, bases);
    RenderResult result;
    boolean succeeded = false;
    try {
      Optional<Kustomization> top = build.load(path);
      if (top.isEmpty()) {
        result =
            new ImplicitKustomization(files, build, limits, targetNamespace, options).render(path);
      } else {
        Kustomization built =
            options.changesKustomization() ? ReconcilerFields.merge(top.get(), options) : top.get();
        result = new RenderResult(manifests(build.build(built, targetNamespace)), List.of());
      }
      succeeded = true;
    } catch (KustomizeException e) {
      return RenderResult.failure(new RenderError(e.path(), e.getMessage()));
    } finally {
      bases.buildDone(succeeded);
    }
    for (RenderedManifest manifest : result.manifests()) {
      // Flux sets commonMetadata on every object after the build, over whatever the build set.
      setAll(manifest.manifest(), "labels", options.labels());
      setAll(manifest.manifest(), "annotations", options.annotations());
    }
    return result;
  }

  private static void setAll(ObjectNode object, String field, Map<String, String> values) {
    if (!values.isEmpty()) {
      ObjectNode map = object.withObjectProperty("metadata").withObjectProperty(field);
      values.forEach(map::put);
    }
  }

  static List<RenderedManifest> manifests(List<KustomizeResource> resources) {
    return resources.stream().map(r -> new RenderedManifest(r.path(), r.object())).toList();
  }
}
