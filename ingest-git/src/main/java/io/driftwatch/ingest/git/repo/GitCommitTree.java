package io.driftwatch.ingest.git.repo;

import io.driftwatch.ingest.git.render.FileTooLargeException;
import io.driftwatch.ingest.git.render.SourceTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The files of one commit read with {@link TreeWalk}s on the object database: no checkout, so
 * several commits can be rendered side by side and a bare mirror is enough. Symbolic links and
 * submodules are not files here.
 */
public final class GitCommitTree implements SourceTree {

  private final Repository repository;
  private final RevTree tree;

  public GitCommitTree(Repository repository, RevTree tree) {
    this.repository = repository;
    this.tree = tree;
  }

  @Override
  public boolean isDirectory(String path) throws IOException {
    if (path.isEmpty()) {
      return true;
    }
    try (TreeWalk walk = TreeWalk.forPath(repository, path, tree)) {
      return walk != null && walk.getFileMode(0) == FileMode.TREE;
    }
  }

  @Override
  public List<String> files(String directory) throws IOException {
    List<String> files = new ArrayList<>();
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      if (!directory.isEmpty()) {
        walk.setFilter(PathFilter.create(directory));
      }
      while (walk.next()) {
        if (isRegularFile(walk.getFileMode(0))) {
          files.add(walk.getPathString());
        }
      }
    }
    return files;
  }

  @Override
  public byte[] read(String path, long maxBytes) throws IOException {
    try (TreeWalk walk = TreeWalk.forPath(repository, path, tree)) {
      if (walk == null || !isRegularFile(walk.getFileMode(0))) {
        throw new IOException(path + " is not a file at this commit");
      }
      ObjectId blob = walk.getObjectId(0);
      ObjectLoader loader = repository.open(blob, Constants.OBJ_BLOB);
      if (loader.getSize() > maxBytes) {
        throw new FileTooLargeException(path, loader.getSize(), maxBytes);
      }
      return loader.getBytes();
    }
  }

  private static boolean isRegularFile(FileMode mode) {
    return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
  }
}
