package io.driftwatch.ingest.git.repo;

import io.driftwatch.ingest.git.repo.GitSourceException.Reason;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * A bare mirror of one source's repository in {@code <workDir>/<source id>.git}: created on first
 * use, fetched (branches and tags, deleted refs pruned) on every poll, and asked which commit the
 * source's ref points at. Reading a commit's files goes through {@link #tree(ResolvedCommit)}.
 */
public final class RepositoryMirror implements AutoCloseable {

  private static final Pattern FULL_SHA = Pattern.compile("[0-9a-fA-F]{40}");
  private static final RefSpec HEADS = new RefSpec("+refs/heads/*:refs/heads/*");
  private static final RefSpec TAGS = new RefSpec("+refs/tags/*:refs/tags/*");
  // Inactivity timeout of one fetch: a host that stops answering is UNREACHABLE, not a hang.
  private static final int FETCH_TIMEOUT_SECONDS = 60;
  // Stands in for the user's home for SSH; never created, so no ~/.ssh of anyone is read.
  private static final String NO_SSH_HOME = ".driftwatch-no-ssh-home";

  private final String sourceId;
  private final String repositoryUrl;
  private final String ref;
  private final Path directory;
  private final String remote;
  private final TransportAuth auth;
  private Repository repository;
  private CommitSignatureVerifier signatures = CommitSignatureVerifier.NONE;
  // The last pinned commit found reachable, and from which branch and tag tips.
  private String reachableCommit;
  private List<ObjectId> reachableFromTips = List.of();

  /** A mirror of a repository that needs no credentials (a local path, file://, public HTTPS). */
  public RepositoryMirror(String sourceId, String repository, String ref, Path workDir) {
    this(sourceId, repository, ref, workDir, List.of());
  }

  /**
   * @param repository a local path, a {@code file://}, {@code https://} or {@code ssh://} URL, or
   *     git's scp-like {@code git@host:org/repo}
   * @param ref a branch, a tag or a full commit sha
   * @param credentials every configured credential entry; the one whose URL is the longest prefix
   *     of {@code repository} is used, its files read again at each fetch
   */
  public RepositoryMirror(
      String sourceId,
      String repository,
      String ref,
      Path workDir,
      List<GitCredentials> credentials) {
    this.sourceId = sourceId;
    this.repositoryUrl = repository;
    this.ref = ref;
    this.directory = workDir.resolve(sourceId + ".git");
    this.auth =
        new TransportAuth(
            repository, remoteUri(repository), credentials, workDir.resolve(NO_SSH_HOME));
    this.remote = auth.remote();
  }

  /** Where the bare mirror lives. */
  public Path directory() {
    return directory;
  }

  /**
   * Fetches the repository and resolves the source's ref.
   *
   * @throws GitSourceException when the repository cannot be reached or fetched, or the ref names
   *     no branch, tag or fetched commit
   */
  public ResolvedCommit fetch() throws GitSourceException {
    checkLocalRepositoryExists();
    TransportAuth.Attempt attempt;
    try {
      attempt = auth.begin();
    } catch (FetchProblem p) {
      throw failure(p.reason(), p.getMessage(), p.getCause());
    }
    try (attempt) {
      Repository repo = open();
      FetchCommand fetch =
          Git.wrap(repo)
              .fetch()
              .setRemote(remote)
              .setRefSpecs(HEADS, TAGS)
              .setTagOpt(TagOpt.NO_TAGS)
              .setRemoveDeletedRefs(true)
              .setTimeout(FETCH_TIMEOUT_SECONDS);
      attempt.configure(fetch);
      try {
        fetch.call();
      } catch (GitAPIException | RuntimeException e) {
        FetchProblem p = auth.failure(attempt, e);
        throw failure(p.reason(), p.getMessage(), e);
      }
      return resolve(repo);
    } catch (IOException e) {
      throw failure(Reason.OTHER, "cannot fetch the repository: " + messageOf(e), e);
    }
  }

  /** The files of a commit this mirror resolved. */
  public GitCommitTree tree(ResolvedCommit commit) throws GitSourceException {
    try (RevWalk walk = new RevWalk(open())) {
      RevCommit revCommit = walk.parseCommit(ObjectId.fromString(commit.sha()));
      return new GitCommitTree(repository, revCommit.getTree());
    } catch (IOException e) {
      throw failure(Reason.OTHER, "cannot read commit " + commit.sha() + ": " + messageOf(e), e);
    }
  }

  private ResolvedCommit resolve(Repository repo) throws IOException, GitSourceException {
    ObjectId id = null;
    for (String candidate :
        new String[] {
          Constants.R_HEADS + ref, Constants.R_TAGS + ref, ref.startsWith("refs/") ? ref : null
        }) {
      if (candidate == null) {
        continue;
      }
      Ref found = repo.exactRef(candidate);
      if (found != null) {
        id = found.getObjectId();
        break;
      }
    }
    boolean pinned = false;
    if (id == null && FULL_SHA.matcher(ref).matches()) {
      id = ObjectId.fromString(ref);
      pinned = true;
    }
    if (id == null) {
      throw failure(
          Reason.REF,
          "ref '"
              + ref
              + "' is not a branch or tag of the repository (write a branch, a tag or a full"
              + " 40-character commit sha)",
          null);
    }
    try (RevWalk walk = new RevWalk(repo)) {
      // parseCommit peels annotated tags to their commit.
      RevCommit commit = walk.parseCommit(id);
      if (pinned) {
        requireReachable(repo, commit);
      }
      return ResolvedCommit.of(commit, signatures.verify(sourceId, repo, commit));
    } catch (MissingObjectException e) {
      throw failure(
          Reason.REF,
          "commit "
              + ref
              + " is not in the repository (only commits reachable from a branch or tag are"
              + " fetched)",
          null);
    } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
      throw failure(Reason.REF, "ref '" + ref + "' does not point at a commit", null);
    }
  }

  /**
   * A pinned commit stays in the mirror after a force-push removed it from every branch and tag
   * (fetching never deletes objects), so finding it is not enough: it must still be part of the
   * repository's history, as a fresh clone would have it.
   */
  private void requireReachable(Repository repo, RevCommit pinned)
      throws IOException, GitSourceException {
    List<ObjectId> tips = new ArrayList<>();
    for (Ref tip : repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS, Constants.R_TAGS)) {
      ObjectId peeled =
          tip.getPeeledObjectId() != null ? tip.getPeeledObjectId() : tip.getObjectId();
      if (peeled != null) {
        tips.add(peeled);
      }
    }
    tips.sort(null);
    if (pinned.name().equals(reachableCommit) && tips.equals(reachableFromTips)) {
      return; // nothing moved since the last check
    }
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRetainBody(false);
      RevCommit target = walk.parseCommit(pinned);
      for (ObjectId tip : tips) {
        RevObject object = walk.peel(walk.parseAny(tip));
        if (object instanceof RevCommit commit) {
          walk.markStart(commit);
        }
      }
      for (RevCommit commit = walk.next(); commit != null; commit = walk.next()) {
        if (commit.equals(target)) {
          reachableCommit = pinned.name();
          reachableFromTips = tips;
          return;
        }
      }
    }
    throw failure(
        Reason.REF,
        "commit "
            + ref
            + " is no longer on any branch or tag of the repository (a force-push removed it from"
            + " the history); pin a commit that is on a branch or tag, or follow a branch",
        null);
  }

  /**
   * Whether {@code older} is {@code newer} or one of its ancestors. ingest-git asks this before
   * publishing a new commit of a branch: when the commit it last synced is not an ancestor of the
   * new one, the branch was force-pushed (or the ref was pointed elsewhere) and the objects only
   * the abandoned history declared are tombstoned. A commit the mirror does not hold is no
   * ancestor: had it been one, fetching {@code newer} would have fetched it too.
   *
   * @param older a full commit sha, typically the one last synced
   * @param newer a full commit sha this mirror resolved
   * @throws GitSourceException when {@code newer} is not in the mirror or the mirror cannot be read
   */
  public boolean isAncestor(String older, String newer) throws GitSourceException {
    try (RevWalk walk = new RevWalk(open())) {
      walk.setRetainBody(false);
      ObjectId olderId = ObjectId.fromString(older);
      if (!repository.getObjectDatabase().has(olderId)) {
        return false;
      }
      RevCommit newerCommit = walk.parseCommit(ObjectId.fromString(newer));
      return walk.isMergedInto(walk.parseCommit(olderId), newerCommit);
    } catch (IllegalArgumentException e) {
      throw failure(
          Reason.OTHER, "'" + older + "' or '" + newer + "' is not a full commit sha", null);
    } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
      return false;
    } catch (IOException e) {
      throw failure(
          Reason.OTHER,
          "cannot tell whether " + older + " is an ancestor of " + newer + ": " + messageOf(e),
          e);
    }
  }

  /**
   * Checks the signature of every commit this mirror resolves against {@code verifier}'s trusted
   * keys; without this call, signed commits are SIGNED and never VERIFIED.
   *
   * @return this mirror
   */
  public RepositoryMirror verifyingSignaturesWith(CommitSignatureVerifier verifier) {
    this.signatures = verifier == null ? CommitSignatureVerifier.NONE : verifier;
    return this;
  }

  private Repository open() throws IOException {
    if (repository == null) {
      Files.createDirectories(directory.getParent());
      Repository repo = new FileRepositoryBuilder().setGitDir(directory.toFile()).setBare().build();
      if (!repo.getObjectDatabase().exists()) {
        repo.create(true);
      }
      repository = repo;
    }
    return repository;
  }

  private void checkLocalRepositoryExists() throws GitSourceException {
    Path local = localPath(remote);
    if (local != null && !Files.exists(local)) {
      throw failure(
          Reason.UNREACHABLE,
          "the repository does not exist (no such directory " + local + ")",
          null);
    }
  }

  private GitSourceException failure(Reason reason, String problem, Throwable cause) {
    return new GitSourceException(
        reason,
        "Source '"
            + sourceId
            + "' (repository "
            + RepositoryUrls.redact(repositoryUrl)
            + ", ref "
            + ref
            + "): "
            + problem,
        cause == null ? null : new SanitizedCause(cause, repositoryUrl));
  }

  private String messageOf(Throwable e) {
    return RepositoryUrls.redactMessage(FetchFailures.messageOf(e), repositoryUrl);
  }

  /**
   * A local path becomes an absolute path; URLs (file://, https://, ssh://, scp-like) stay as
   * written.
   */
  private static String remoteUri(String repository) {
    if (repository.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return repository;
    }
    if (RepositoryUrls.isSsh(repository)) {
      return repository;
    }
    return Path.of(repository).toAbsolutePath().normalize().toString();
  }

  private static Path localPath(String remote) {
    if (remote.startsWith("file:")) {
      try {
        return Path.of(URI.create(remote));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return remote.contains("://") || RepositoryUrls.isSsh(remote) ? null : Path.of(remote);
  }

  @Override
  public void close() {
    if (repository != null) {
      repository.close();
      repository = null;
    }
  }

  /**
   * Keeps the stack trace of a Git library error without its message, which may quote a URL with
   * credentials.
   */
  private static final class SanitizedCause extends Exception {
    private static final long serialVersionUID = 1L;

    SanitizedCause(Throwable original, String url) {
      super(
          original.getClass().getName()
              + ": "
              + RepositoryUrls.redactMessage(original.getMessage(), url),
          null,
          false,
          true);
      setStackTrace(original.getStackTrace());
    }
  }
}
