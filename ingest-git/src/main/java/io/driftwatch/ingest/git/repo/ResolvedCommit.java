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
 * @param signature {@link CommitSignature#UNSIGNED} without a gpgsig header; {@link
 *     CommitSignature#VERIFIED} when {@link CommitSignatureVerifier} found it valid and made by a
 *     configured key; {@link CommitSignature#SIGNED} otherwise
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

  /**
   * Reads the metadata of a parsed commit (its headers and message must be loaded) without trusted
   * keys: a signed commit is {@link CommitSignature#SIGNED}, never verified.
   */
  public static ResolvedCommit of(RevCommit commit) {
    return of(
        commit,
        commit.getRawGpgSignature() != null ? CommitSignature.SIGNED : CommitSignature.UNSIGNED);
  }

  /**
   * Reads the metadata of a parsed commit with the signature status a {@link
   * CommitSignatureVerifier} gave it.
   */
  public static ResolvedCommit of(RevCommit commit, CommitSignature signature) {
    PersonIdent who = commit.getAuthorIdent();
    return new ResolvedCommit(
        commit.name(),
        Instant.ofEpochSecond(commit.getCommitTime()),
        who.getName() + " <" + who.getEmailAddress() + ">",
        commit.getShortMessage(),
        signature,
        Arrays.stream(commit.getParents()).map(RevCommit::name).toList());
  }

  /** The seven-character abbreviation used in log lines. */
  public String shortSha() {
    return sha.substring(0, Math.min(7, sha.length()));
  }
}
