package io.driftwatch.ingest.git.render.kustomize.parity;

import io.driftwatch.ingest.git.render.FileTooLargeException;
import io.driftwatch.ingest.git.render.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@link SourceTree} over a directory on disk, for the parity tests: the renderer sees a case
 * directory exactly as it would see the same files in a commit. Files are listed in Git's tree
 * order (a directory sorts as its name followed by {@code /}); symbolic links are not files, as in
 * {@code GitCommitTree}; paths that leave the root are refused. Test-only: production code reads
 * commits, and the CLI has its own file-system tree.
 */
final class DirectorySourceTree implements SourceTree {

  private final Path root;

  DirectorySourceTree(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public boolean isDirectory(String path) throws IOException {
    return Files.isDirectory(resolve(path), LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public List<String> files(String directory) throws IOException {
    Path start = resolve(directory);
    List<String> files = new ArrayList<>();
    if (Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
      collect(start, files);
    }
    return files;
  }

  @Override
  public byte[] read(String path, long maxBytes) throws IOException {
    Path file = resolve(path);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(path, null, "not a file in this tree");
    }
    long size = Files.size(file);
    if (size > maxBytes) {
      throw new FileTooLargeException(path, size, maxBytes);
    }
    return Files.readAllBytes(file);
  }

  private void collect(Path directory, List<String> files) throws IOException {
    List<Path> entries;
    try (Stream<Path> list = Files.list(directory)) {
      entries = list.sorted(Comparator.comparing(DirectorySourceTree::gitSortKey)).toList();
    }
    for (Path entry : entries) {
      if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        collect(entry, files);
      } else if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
        files.add(relative(entry));
      }
    }
  }

  private static String gitSortKey(Path entry) {
    String name = entry.getFileName().toString();
    return Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? name + "/" : name;
  }

  private String relative(Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private Path resolve(String path) throws IOException {
    Path resolved = root.resolve(path).normalize();
    if (!resolved.startsWith(root)) {
      throw new NoSuchFileException(path, null, "outside the tree");
    }
    return resolved;
  }
}
