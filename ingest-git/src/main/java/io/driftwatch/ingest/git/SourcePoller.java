package io.driftwatch.ingest.git;

import io.driftwatch.ingest.git.publish.DesiredStatePublisher;
import io.driftwatch.ingest.git.publish.PublishOutcome;
import io.driftwatch.ingest.git.render.DesiredSet;
import io.driftwatch.ingest.git.render.DesiredSetAssembler;
import io.driftwatch.ingest.git.render.ManifestRenderer;
import io.driftwatch.ingest.git.render.RenderError;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.repo.GitCommitTree;
import io.driftwatch.ingest.git.repo.GitSourceException;
import io.driftwatch.ingest.git.repo.RepositoryMirror;
import io.driftwatch.ingest.git.repo.ResolvedCommit;
import java.io.IOException;
import java.time.Duration;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one source: fetch, resolve the ref, and when it points at a commit not yet published,
 * render and publish it. Failures become a FAILED source status and never escape.
 */
final class SourcePoller implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);

  private final GitSourceConfig source;
  private final RepositoryMirror mirror;
  private final ManifestRenderer renderer;
  private final DesiredSetAssembler assembler;
  private final DesiredStatePublisher publisher;
  private final RetryBackoff retry;
  private String syncedCommit;
  // The commit last published, across restarts: a new tip that does not contain it was
  // force-pushed.
  private String publishedCommit;

  SourcePoller(
      GitSourceConfig source,
      RepositoryMirror mirror,
      ManifestRenderer renderer,
      DesiredSetAssembler assembler,
      DesiredStatePublisher publisher,
      RetryBackoff retry,
      String publishedCommit) {
    this.source = source;
    this.publishedCommit = publishedCommit;
    this.mirror = mirror;
    this.renderer = renderer;
    this.assembler = assembler;
    this.publisher = publisher;
    this.retry = retry;
  }

  GitSourceConfig source() {
    return source;
  }

  /** How long until this source should be polled again: its interval, or the retry backoff. */
  Duration nextDelay() {
    int failures = publisher.consecutiveFailures();
    return failures == 0 ? source.pollInterval() : retry.delayAfter(failures);
  }

  SourcePoll poll() {
    ResolvedCommit commit = null;
    try {
      commit = mirror.fetch();
      if (commit.sha().equals(syncedCommit)) {
        publisher.stillSynced(commit.sha());
        return new SourcePoll(source.id(), commit.sha(), false, 0, 0, 0, null);
      }
      warnIfHistoryWasRewritten(commit);
      publisher.rendering(commit.sha());
      GitCommitTree tree = mirror.tree(commit);
      if (!tree.isDirectory(source.path())) {
        throw new GitSourceException(
            GitSourceException.Reason.RENDER,
            "Source '"
                + source.id()
                + "': path '"
                + source.path()
                + "' is not a directory at commit "
                + commit.sha()
                + " (check the source's path; the previously published objects are kept)",
            null);
      }
      RenderResult rendered = renderer.render(tree, source.path());
      if (rendered.failed()) {
        // A build that failed as a whole (a missing base, an unsupported kustomize feature) says
        // nothing about which
        // objects are gone: keep everything last published and report the source as failed.
        RenderError why = rendered.errors().get(0);
        throw new GitSourceException(
            GitSourceException.Reason.RENDER,
            "Source '"
                + source.id()
                + "' at "
                + commit.shortSha()
                + ": "
                + why.path()
                + ": "
                + why.reason()
                + " (the previously published objects are kept)",
            null);
      }
      DesiredSet desired =
          assembler.assemble(rendered, source.cluster(), source.defaultNamespace());
      PublishOutcome outcome = publisher.publish(commit, desired);
      syncedCommit = commit.sha();
      publishedCommit = commit.sha();
      LOG.info(
          "Source {} at {}: {} objects, {} published, {} tombstoned, {} errors{}",
          source.id(),
          commit.shortSha(),
          outcome.resourceCount(),
          outcome.published(),
          outcome.tombstoned(),
          outcome.errors(),
          outcome.retained() > 0 ? ", " + outcome.retained() + " kept from failed files" : "");
      return new SourcePoll(
          source.id(),
          commit.sha(),
          true,
          outcome.published(),
          outcome.tombstoned(),
          outcome.errors(),
          null);
    } catch (GitSourceException e) {
      return fail(commit, e.getMessage());
    } catch (IOException e) {
      return fail(
          commit,
          "Source '" + source.id() + "': cannot read the commit's files: " + e.getMessage());
    } catch (KafkaException e) {
      return fail(
          commit, "Source '" + source.id() + "': cannot publish to Kafka: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Source {} failed unexpectedly", source.id(), e);
      return fail(commit, "Source '" + source.id() + "': unexpected error: " + e);
    }
  }

  /**
   * A force-push or a reset is not an error (what the new tip renders is published and objects only
   * the old history declared are tombstoned) but it is worth a line in the log.
   */
  private void warnIfHistoryWasRewritten(ResolvedCommit commit) {
    if (publishedCommit == null || publishedCommit.equals(commit.sha())) {
      return;
    }
    try {
      if (!mirror.isAncestor(publishedCommit, commit.sha())) {
        LOG.warn(
            "Source {}: ref {} moved from {} to {}, which does not contain it (force-push or"
                + " reset); publishing what {} declares, objects only the old history declared"
                + " will be withdrawn",
            source.id(),
            source.ref(),
            publishedCommit,
            commit.sha(),
            commit.shortSha());
      }
    } catch (GitSourceException e) {
      LOG.debug("Source {}: cannot tell whether the ref was rewritten", source.id(), e);
    }
  }

  private SourcePoll fail(ResolvedCommit commit, String problem) {
    String sha = commit == null ? null : commit.sha();
    // A commit that failed must be tried again even if the ref does not move.
    syncedCommit = null;
    int failures = publisher.consecutiveFailures() + 1;
    String message =
        problem
            + " [failed "
            + failures
            + (failures == 1 ? " time" : " times in a row")
            + "; next attempt in "
            + describe(retry.delayAfter(failures))
            + "]";
    LOG.warn("{}", message);
    try {
      publisher.failed(sha, message);
    } catch (KafkaException e) {
      LOG.warn("Source {}: cannot publish its FAILED status: {}", source.id(), e.getMessage());
    }
    return new SourcePoll(source.id(), sha, commit != null, 0, 0, 0, message);
  }

  /** A delay as people write it: 500ms, 40s, 2m30s. */
  private static String describe(Duration delay) {
    if (delay.toMillis() < 1000) {
      return delay.toMillis() + "ms";
    }
    long seconds = delay.toSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
  }

  @Override
  public void close() {
    publisher.close();
    mirror.close();
  }
}
