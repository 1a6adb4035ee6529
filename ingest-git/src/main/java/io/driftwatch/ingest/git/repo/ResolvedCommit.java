package io.driftwatch.ingest.git.repo;

import io.driftwatch.model.CommitSignature;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The commit a source's ref points at after a fetch, with the metadata published alongside it.
 *
 * @param sha the full commit sha
 * @param commitTime the committer time
 * @param author the author as {@code Name <email>}; the committer is not recorded
 * @param subject the first line of the message
 * @param signature {@link CommitSignature#SIGNED} when the commit has a gpgsig header; nothing
 *     verifies signatures yet
 * @param parents the full shas of the parents, first parent first
 */
public record ResolvedCommit(
    String sha,
    Instant commitTime,
    String author,
    String subject,
    CommitSignature signature,
    List<String> parents) {

  public ResolvedCommit {
    parents = List.copyOf(parents);
  }

  /** Reads the metadata of a parsed commit (its headers and message must be loaded). */
  public static ResolvedCommit of(RevCommit commit) {
    PersonIdent who = commit.getAuthorIdent();
    return new ResolvedCommit(
        commit.name(),
        Instant.ofEpochSecond(commit.getCommitTime()),
        who.getName() + " <" + who.getEmailAddress() + ">",
        commit.getShortMessage(),
        commit.getRawGpgSignature() != null ? CommitSignature.SIGNED : CommitSignature.UNSIGNED,
        Arrays.stream(commit.getParents()).map(RevCommit::name).toList());
  }

  /** The seven-character abbreviation used in log lines. */
  public String shortSha() {
    return sha.substring(0, Math.min(7, sha.length()));
  }
}
