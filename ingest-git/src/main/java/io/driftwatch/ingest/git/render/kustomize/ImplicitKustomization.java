package io.driftwatch.ingest.git.render.kustomize;

import io.driftwatch.ingest.git.render.PlainYamlRenderer;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.RenderedManifest;
import io.driftwatch.ingest.git.render.SourceTree;
import io.driftwatch.ingest.git.render.YamlLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flux's behaviour for a path without a kustomization file: kustomize-controller generates one
 * listing every {@code .yaml}/{@code .yml} file under the path, recursively, except that a
 * subdirectory holding a kustomization file is listed as a base (and not descended into). The
 * generated kustomization is then built: bases fully, the Flux Kustomization's components and
 * patches, its targetNamespace, then its images, generated names hashed and references rewritten
 * across everything, and the output sorted as kustomize sorts.
 *
 * <p>Unlike Flux (whose build fails as a whole on one unreadable file), plain files are read with
 * {@link PlainYamlRenderer}: a bad file is an error for that file and the rest is still rendered,
 * so its objects keep their last published state. A base that fails to build fails the source.
 * Duplicate objects across plain files are left to the desired-set assembly, which names both
 * files.
 */
final class ImplicitKustomization {

  private final TreeFiles files;
  private final KustomizeBuild build;
  private final YamlLimits limits;
  private final Optional<String> targetNamespace;
  private final BuildOptions options;

  ImplicitKustomization(
      TreeFiles files,
      KustomizeBuild build,
      YamlLimits limits,
      Optional<String> targetNamespace,
      BuildOptions options) {
    this.files = files;
    this.build = build;
    this.limits = limits;
    this.targetNamespace = targetNamespace;
    this.options = options;
  }

  RenderResult render(String path) throws IOException, KustomizeException {
    SourceTree tree = files.tree();
    List<String> all = tree.files(path);
    Set<String> bases = new LinkedHashSet<>();
    for (String file : all) {
      String directory = TreeFiles.parent(file);
      if (Kustomization.FILE_NAMES.contains(TreeFiles.fileName(file))
          && !directory.equals(path)
          && bases.stream().noneMatch(base -> isUnder(directory, base))) {
        bases.removeIf(base -> isUnder(base, directory));
        bases.add(directory);
      }
    }
    RenderResult plain = new PlainYamlRenderer(limits).render(new WithoutBases(tree, bases), path);
    List<KustomizeResource> resources = new ArrayList<>();
    for (RenderedManifest manifest : plain.manifests()) {
      resources.add(new KustomizeResource(manifest.manifest(), manifest.path()));
    }
    for (String base : orderedAsInTree(all, bases)) {
      resources.addAll(build.accumulateBase(base));
    }
    Kustomization reconciler =
        options.changesKustomization() ? ReconcilerFields.forImplicit(path, options) : null;
    if (reconciler != null) {
      build.applyComponentsAndPatches(reconciler, resources);
    }
    if (targetNamespace.isPresent()) {
      NamespaceTransformer.apply(resources, targetNamespace.get());
    }
    if (reconciler != null) {
      build.applyImages(reconciler, resources);
    }
    build.finish(resources, path);
    LegacyOrder.sort(resources, null);
    return new RenderResult(KustomizeRenderer.manifests(resources), plain.errors());
  }

  private static List<String> orderedAsInTree(List<String> files, Set<String> bases) {
    Set<String> ordered = new LinkedHashSet<>();
    for (String file : files) {
      for (String base : bases) {
        if (isUnder(file, base)) {
          ordered.add(base);
        }
      }
    }
    return List.copyOf(ordered);
  }

  /** True when {@code path} is {@code directory} or lies below it. */
  private static boolean isUnder(String path, String directory) {
    return directory.isEmpty() || path.equals(directory) || path.startsWith(directory + "/");
  }

  /** The source tree without the files of the subdirectories that are built as bases. */
  private record WithoutBases(SourceTree tree, Set<String> bases) implements SourceTree {

    @Override
    public boolean isDirectory(String path) throws IOException {
      return tree.isDirectory(path);
    }

    @Override
    public List<String> files(String directory) throws IOException {
      return tree.files(directory).stream()
          .filter(file -> bases.stream().noneMatch(base -> isUnder(file, base)))
          .toList();
    }

    @Override
    public byte[] read(String path, long maxBytes) throws IOException {
      return tree.read(path, maxBytes);
    }
  }
}
