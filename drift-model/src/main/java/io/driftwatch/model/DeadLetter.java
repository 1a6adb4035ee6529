package io.driftwatch.model;

import java.time.Instant;

/**
 * A record that could not be processed: the value of {@code gitops.dead-letter.v1}. It says where
 * the record came from and why it was refused; it never carries the record's value, which may hold
 * data that must not spread.
 *
 * @param stage the component that refused it (ingest-git, ingest-cluster, drift-stream, alert-sink)
 * @param origin where the input came from: topic-partition@offset, or repository path, or cluster
 *     object
 * @param reason what is wrong with it and, where known, how to fix it
 */
public record DeadLetter(
    int schemaVersion, String stage, String origin, String reason, Instant at) {

  public static final int SCHEMA_VERSION = 1;

  public static DeadLetter of(String stage, String origin, String reason, Instant at) {
    return new DeadLetter(SCHEMA_VERSION, stage, origin, reason, at);
  }
}
