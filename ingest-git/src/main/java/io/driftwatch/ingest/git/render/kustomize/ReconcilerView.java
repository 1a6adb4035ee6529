package io.driftwatch.ingest.git.render.kustomize;

import io.driftwatch.ingest.git.render.SourceTree;
import java.io.IOException;
import java.util.List;

/**
 * The source tree as a reconciler sees it: only the files under {@link BuildOptions#visibleRoots()}
 * (the directories an ArtifactGenerator copied into a Flux ExternalArtifact, so a reference out of
 * them fails as it fails in Flux), and, without {@link BuildOptions#recurse()}, only the files
 * directly in the built path (Argo CD reads a plain directory non-recursively by default).
 */
final class ReconcilerView implements SourceTree {

  private final SourceTree tree;
  private final List<String> roots;
  private final String topLevelOnly;

  private ReconcilerView(SourceTree tree, List<String> roots, String topLevelOnly) {
    this.tree = tree;
    this.roots = roots;
    this.topLevelOnly = topLevelOnly;
  }

  /** {@code tree} as the options let the build of {@code path} see it. */
  static SourceTree of(SourceTree tree, BuildOptions options, String path) {
    if (options.visibleRoots().isEmpty() && options.recurse()) {
      return tree;
    }
    return new ReconcilerView(tree, options.visibleRoots(), options.recurse() ? null : path);
  }

  @Override
  public boolean isDirectory(String path) throws IOException {
    return tree.isDirectory(path)
        && (roots.isEmpty()
            || roots.stream().anyMatch(root -> isUnder(path, root) || isUnder(root, path)));
  }

  @Override
  public List<String> files(String directory) throws IOException {
    return tree.files(directory).stream()
        .filter(this::visible)
        .filter(file -> !directory.equals(topLevelOnly) || TreeFiles.parent(file).equals(directory))
        .toList();
  }

  @Override
  public byte[] read(String path, long maxBytes) throws IOException {
    if (!visible(path)) {
      throw new IOException(path + " is not a file the reconciler can read");
    }
    return tree.read(path, maxBytes);
  }

  private boolean visible(String path) {
    return roots.isEmpty() || roots.stream().anyMatch(root -> isUnder(path, root));
  }

  /** True when {@code path} is {@code directory} or lies below it. */
  private static boolean isUnder(String path, String directory) {
    return directory.isEmpty() || path.equals(directory) || path.startsWith(directory + "/");
  }
}
