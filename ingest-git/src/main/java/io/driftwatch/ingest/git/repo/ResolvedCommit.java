package io.driftwatch.ingest.git.repo;

import java.time.Instant;

/**
 * The commit a source's ref points at after a fetch.
 *
 * @param sha the full commit sha
 * @param commitTime the committer time
 */
public record ResolvedCommit(String sha, Instant commitTime) {

  /** The seven-character abbreviation used in log lines. */
  public String shortSha() {
    return sha.substring(0, Math.min(7, sha.length()));
  }
}
