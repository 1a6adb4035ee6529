package io.driftwatch.ingest.git.repo;

import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** Signed commits written onto main of a real repository, the way git writes them. */
final class SignedCommits {

  private SignedCommits() {}

  /**
   * Commits main's tree again on top of main, signed by {@code signer} over the commit's payload.
   *
   * @param tamperedMessage when not null, the message is replaced after signing, as if someone
   *     edited the commit and kept its signature
   * @return the new commit's sha
   */
  static String commitOnMain(
      Repository repository, String message, TestSigners.Signer signer, String tamperedMessage)
      throws Exception {
    ObjectId head = repository.resolve(Constants.R_HEADS + "main");
    try (RevWalk walk = new RevWalk(repository);
        ObjectInserter inserter = repository.newObjectInserter()) {
      RevCommit parent = walk.parseCommit(head);
      PersonIdent who = new PersonIdent("Signer", "signer@example.com");
      CommitBuilder builder = new CommitBuilder();
      builder.setTreeId(parent.getTree());
      builder.setParentId(parent);
      builder.setAuthor(who);
      builder.setCommitter(who);
      builder.setMessage(message);
      if (signer != null) {
        // What git signs: the commit object exactly as it is written, without the gpgsig header.
        builder.setGpgSignature(signer.sign(builder.build()));
      }
      if (tamperedMessage != null) {
        builder.setMessage(tamperedMessage);
      }
      ObjectId id = inserter.insert(builder);
      inserter.flush();
      RefUpdate update = repository.updateRef(Constants.R_HEADS + "main");
      update.setNewObjectId(id);
      update.setExpectedOldObjectId(head);
      RefUpdate.Result result = update.update();
      if (result != RefUpdate.Result.FAST_FORWARD) {
        throw new IllegalStateException("main did not move: " + result);
      }
      return id.name();
    }
  }
}
