package io.driftwatch.model;

import java.time.Instant;
import java.util.List;

/**
 * One commit a Git source processed: the value of {@code gitops.commits.v1}, keyed by {@link
 * #key(String, String)}. Written in the same transaction as the desired state rendered from it.
 *
 * @param source the id of the source that processed the commit
 * @param sha the full commit sha
 * @param author the commit's author as {@code Name <email>}, Git's own notation; never the
 *     committer or any credential of the fetch
 * @param committerTime the committer time of the commit
 * @param subject the first line of the commit message
 * @param signature whether the commit is signed
 * @param parents the full shas of the commit's parents, first parent first (empty for a root)
 */
public record CommitRecord(
    int schemaVersion,
    String source,
    String sha,
    String author,
    Instant committerTime,
    String subject,
    CommitSignature signature,
    List<String> parents) {

  public static final int SCHEMA_VERSION = 1;

  public CommitRecord {
    parents = parents == null ? List.of() : List.copyOf(parents);
  }

  public static CommitRecord of(
      String source,
      String sha,
      String author,
      Instant committerTime,
      String subject,
      CommitSignature signature,
      List<String> parents) {
    return new CommitRecord(
        SCHEMA_VERSION, source, sha, author, committerTime, subject, signature, parents);
  }

  /** The record key on {@code gitops.commits.v1}: {@code <source id>@<sha>}. */
  public static String key(String source, String sha) {
    return source + "@" + sha;
  }
}
