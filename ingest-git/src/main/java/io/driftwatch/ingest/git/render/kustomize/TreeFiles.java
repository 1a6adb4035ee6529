package io.driftwatch.ingest.git.render.kustomize;

import io.driftwatch.ingest.git.render.FileTooLargeException;
import io.driftwatch.ingest.git.render.SourceTree;
import io.driftwatch.ingest.git.render.YamlLimits;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The files a build may read: paths in kustomization entries resolved against the kustomization's
 * directory and kept inside the repository. Like Flux (which builds with kustomize's
 * LoadRestrictionsNone) a kustomization may read files outside its own directory, but never outside
 * the source tree; remote references are recognised so they can be refused clearly. One instance
 * serves one build, and remembers what it read: the tree is one commit's, so a path's answer does
 * not change during the build.
 */
final class TreeFiles {

  private static final List<String> REMOTE_PREFIXES =
      List.of(
          "http://", "https://", "git::", "git@", "ssh://", "gh:", "github.com/", "github.com:");

  private final SourceTree tree;
  private final YamlLimits limits;

  /*
   * What this build already asked the tree, by path. A base shared by many overlays is otherwise
   * looked up and read again for every overlay, and a Git tree walks from the root each time.
   */
  private final Map<String, Boolean> directories = new HashMap<>();
  private final Map<String, Optional<byte[]>> contents = new HashMap<>();

  /** The recordings in progress, innermost last: bases being built inside bases. */
  private final List<Map<String, Answer>> recordings = new ArrayList<>();

  /**
   * One answer the tree gave: whether {@code path} is a directory ({@code aboutDirectory}), or the
   * bytes of the file at {@code path} ({@code content}, null when there is no such file).
   */
  record Answer(String path, boolean aboutDirectory, boolean directory, byte[] content) {}

  TreeFiles(SourceTree tree, YamlLimits limits) {
    this.tree = tree;
    this.limits = limits;
  }

  SourceTree tree() {
    return tree;
  }

  /**
   * {@code entry} relative to {@code directory}, normalised; empty when it leaves the repository.
   */
  static Optional<String> resolve(String directory, String entry) {
    if (entry.startsWith("/")) {
      return Optional.empty();
    }
    Deque<String> parts = new ArrayDeque<>();
    String joined = directory.isEmpty() ? entry : directory + "/" + entry;
    for (String part : joined.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return Optional.of(String.join("/", parts));
  }

  /** True for entries that name a remote base or file (URLs, Git references). */
  static boolean looksRemote(String entry) {
    String lower = entry.toLowerCase(Locale.ROOT);
    for (String prefix : REMOTE_PREFIXES) {
      if (lower.startsWith(prefix)) {
        return true;
      }
    }
    return lower.contains("?ref=") || lower.contains(".git//") || lower.contains("://");
  }

  boolean isDirectory(String path) throws IOException {
    Boolean known = directories.get(path);
    if (known == null) {
      known = tree.isDirectory(path);
      directories.put(path, known);
    }
    record("d:" + path, new Answer(path, true, known, null));
    return known;
  }

  /**
   * Starts recording every answer this build gets from now on (those of recordings started earlier
   * go on too), to know later what a base's result depends on.
   */
  Map<String, Answer> startRecording() {
    Map<String, Answer> recording = new LinkedHashMap<>();
    recordings.add(recording);
    return recording;
  }

  /** Stops the innermost recording, {@code recording}, and returns what it saw. */
  List<Answer> stopRecording(Map<String, Answer> recording) {
    if (recordings.isEmpty() || recordings.get(recordings.size() - 1) != recording) {
      throw new IllegalStateException("recordings must stop innermost first");
    }
    recordings.remove(recordings.size() - 1);
    return new ArrayList<>(recording.values());
  }

  /**
   * True when this tree gives every one of {@code answers} again. The questions count as asked
   * here, so a base reused inside a base being recorded adds what it depends on.
   */
  boolean sameAnswers(List<Answer> answers) throws IOException {
    for (Answer answer : answers) {
      if (answer.aboutDirectory()) {
        if (isDirectory(answer.path()) != answer.directory()) {
          return false;
        }
      } else {
        Optional<byte[]> now;
        try {
          now = readIfFile(answer.path());
        } catch (FileTooLargeException e) {
          return false;
        }
        if (!Arrays.equals(now.orElse(null), answer.content())) {
          return false;
        }
      }
    }
    return true;
  }

  private void record(String key, Answer answer) {
    for (Map<String, Answer> recording : recordings) {
      recording.putIfAbsent(key, answer);
    }
  }

  /**
   * The bytes of the file at {@code path}, or empty when there is no such file.
   *
   * @throws FileTooLargeException when it is larger than the limits allow
   */
  Optional<byte[]> readIfFile(String path) throws IOException {
    Optional<byte[]> known = contents.get(path);
    if (known == null) {
      known = readFromTree(path);
      contents.put(path, known);
    }
    record("f:" + path, new Answer(path, false, false, known.orElse(null)));
    return known;
  }

  private Optional<byte[]> readFromTree(String path) throws IOException {
    if (path.isEmpty() || isDirectory(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(tree.read(path, limits.maxFileBytes()));
    } catch (FileTooLargeException e) {
      throw e;
    } catch (IOException e) {
      // SourceTree reports a missing file as an IOException; a missing path is not a broken tree.
      return Optional.empty();
    }
  }

  static String join(String directory, String name) {
    return directory.isEmpty() ? name : directory + "/" + name;
  }

  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
