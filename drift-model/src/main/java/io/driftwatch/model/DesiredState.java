package io.driftwatch.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A resource as rendered from Git at one commit: the value of {@code gitops.desired-state.v1}. A
 * removed manifest is a tombstone (null value) under the same key.
 *
 * @param source the id of the source that rendered it (repository + ref + path for one cluster)
 * @param commit the full commit sha it was rendered at
 * @param commitTime the committer time of that commit
 * @param path the file in the repository the manifest came from
 * @param manifest the rendered manifest, Secret values already replaced by their keyed HMAC
 */
public record DesiredState(
    int schemaVersion,
    ResourceKey key,
    String source,
    String commit,
    Instant commitTime,
    String path,
    ObjectNode manifest) {

  public static final int SCHEMA_VERSION = 1;

  public static DesiredState of(
      ResourceKey key,
      String source,
      String commit,
      Instant commitTime,
      String path,
      ObjectNode manifest) {
    return new DesiredState(SCHEMA_VERSION, key, source, commit, commitTime, path, manifest);
  }
}
