package io.driftwatch.ingest.git.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@link SourceTree} over a local directory, for {@code driftwatch render PATH} and tests. It
 * shows what a Git commit of that directory would: regular files only (symbolic links, which could
 * point anywhere, and {@code .git} are not files here), listed in Git's tree order, paths relative
 * to the root with {@code /}, nothing outside the root, and files larger than the reader allows are
 * refused before they are read.
 */
public final class FileSystemSourceTree implements SourceTree {

  private final Path root;

  public FileSystemSourceTree(Path root) throws IOException {
    this.root = root.toRealPath();
    if (!Files.isDirectory(this.root)) {
      throw new IOException(root + " is not a directory");
    }
  }

  @Override
  public boolean isDirectory(String path) throws IOException {
    Path resolved = resolve(path);
    return resolved != null && Files.isDirectory(resolved, LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public List<String> files(String directory) throws IOException {
    List<String> files = new ArrayList<>();
    Path start = resolve(directory);
    if (start == null) {
      return files;
    }
    if (Files.isRegularFile(start, LinkOption.NOFOLLOW_LINKS)) {
      files.add(relative(start));
      return files;
    }
    if (Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
      collect(start, files);
    }
    return files;
  }

  private void collect(Path directory, List<String> into) throws IOException {
    List<Path> children;
    try (Stream<Path> list = Files.list(directory)) {
      children = new ArrayList<>(list.toList());
    }
    // Git orders a tree's entries by name, a directory's name taken with a trailing '/'.
    children.sort(
        Comparator.comparing(
            FileSystemSourceTree::treeName,
            (a, b) ->
                Arrays.compareUnsigned(
                    a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8))));
    for (Path child : children) {
      BasicFileAttributes attributes =
          Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isDirectory()) {
        if (!child.getFileName().toString().equals(".git")) {
          collect(child, into);
        }
      } else if (attributes.isRegularFile()) {
        into.add(relative(child));
      }
    }
  }

  private static String treeName(Path path) {
    String name = path.getFileName().toString();
    return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? name + "/" : name;
  }

  @Override
  public byte[] read(String path, long maxBytes) throws IOException {
    Path resolved = resolve(path);
    if (resolved == null || !Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(path, null, "not a file in " + root);
    }
    long size = Files.size(resolved);
    if (size > maxBytes) {
      throw new FileTooLargeException(path, size, maxBytes);
    }
    try (InputStream in = Files.newInputStream(resolved, LinkOption.NOFOLLOW_LINKS)) {
      // Read at most one byte more than allowed, in case the file grew since its size was taken.
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new FileTooLargeException(path, bytes.length, maxBytes);
      }
      return bytes;
    }
  }

  /** The path under the root, or null when it is malformed or would leave the root. */
  private Path resolve(String path) {
    if (path.isEmpty()) {
      return root;
    }
    if (path.startsWith("/") || path.contains("\\")) {
      return null;
    }
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".") || part.equals("..") || part.equals(".git")) {
        return null;
      }
    }
    Path resolved = root.resolve(path);
    // No component on the way may be a symbolic link: it could lead out of the root.
    for (Path p = resolved; !p.equals(root); p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        return null;
      }
    }
    return resolved;
  }

  private String relative(Path path) {
    return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
  }
}
