package io.driftwatch.ingest.git.render.kustomize;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bases one renderer's earlier builds accumulated (directories listed as resources of a
 * kustomization, and the kustomizations of a Flux path), each kept with every answer the source
 * tree gave while it was built. A later build reuses a base, as copies, while all those answers are
 * the same: after a commit that edits one overlay of a hundred, only that overlay is built again.
 * What a base accumulates depends on the files it reads and nothing else (its parent's transformers
 * run afterwards, on the copies), so reuse never changes the output. Bases that the latest
 * successful build did not use are dropped, so it holds at most one commit's bases.
 */
final class AccumulatedBases {

  private record Entry(List<TreeFiles.Answer> reads, List<KustomizeResource> resources) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final Set<String> used = new HashSet<>();

  /**
   * Copies of what the base in {@code directory} accumulated when it was last built, or null when
   * it was not built before or a file it read is different in {@code files}.
   */
  List<KustomizeResource> reuse(String directory, TreeFiles files) throws IOException {
    Entry entry = entries.get(directory);
    if (entry == null || !files.sameAnswers(entry.reads())) {
      return null;
    }
    used.add(directory);
    return copies(entry.resources());
  }

  /** Keeps copies of what the base in {@code directory} accumulated, having read {@code reads}. */
  void remember(String directory, List<TreeFiles.Answer> reads, List<KustomizeResource> resources) {
    entries.put(directory, new Entry(List.copyOf(reads), copies(resources)));
    used.add(directory);
  }

  /**
   * Ends a build. After a successful one, the bases it did not use are forgotten; a failed build
   * may have stopped before using them, so they are kept for the next.
   */
  void buildDone(boolean succeeded) {
    if (succeeded) {
      entries.keySet().retainAll(used);
    }
    used.clear();
  }

  private static List<KustomizeResource> copies(List<KustomizeResource> resources) {
    List<KustomizeResource> out = new ArrayList<>(resources.size());
    for (KustomizeResource resource : resources) {
      out.add(resource.copy());
    }
    return out;
  }
}
