package io.driftwatch.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A resource as rendered from Git at one commit: the value of {@code gitops.desired-state.v1}. A
 * removed manifest is a tombstone (null value) under the same key.
 *
 * <p>{@code author}, {@code subject} and {@code signature} were added within schema version 1
 * (consumers ignore fields they do not know): records written before them lack the fields and read
 * back with them null.
 *
 * @param source the id of the source that rendered it (repository + ref + path for one cluster)
 * @param commit the full commit sha it was rendered at
 * @param commitTime the committer time of that commit
 * @param path the file in the repository the manifest came from
 * @param manifest the rendered manifest, Secret values already replaced by their keyed HMAC
 * @param author the commit's author as {@code Name <email>} (Git's notation, one string); never the
 *     committer or any credential of the fetch
 * @param subject the first line of the commit message
 * @param signature whether the commit is signed
 */
public record DesiredState(
    int schemaVersion,
    ResourceKey key,
    String source,
    String commit,
    Instant commitTime,
    String path,
    ObjectNode manifest,
    String author,
    String subject,
    CommitSignature signature) {

  public static final int SCHEMA_VERSION = 1;

  /** A desired state with its commit's metadata. */
  public static DesiredState of(
      ResourceKey key,
      String source,
      String commit,
      Instant commitTime,
      String path,
      ObjectNode manifest,
      String author,
      String subject,
      CommitSignature signature) {
    return new DesiredState(
        SCHEMA_VERSION,
        key,
        source,
        commit,
        commitTime,
        path,
        manifest,
        author,
        subject,
        signature);
  }

  /**
   * A desired state without commit metadata ({@code author}, {@code subject} and {@code signature}
   * null), as records written before those fields existed read back.
   */
  public static DesiredState of(
      ResourceKey key,
      String source,
      String commit,
      Instant commitTime,
      String path,
      ObjectNode manifest) {
    return of(key, source, commit, commitTime, path, manifest, null, null, null);
  }
}
