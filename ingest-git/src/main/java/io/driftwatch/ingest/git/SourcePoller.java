package io.driftwatch.ingest.git;

import io.driftwatch.ingest.git.discover.DiscoveredSources;
import io.driftwatch.ingest.git.publish.DesiredStatePublisher;
import io.driftwatch.ingest.git.publish.PublishOutcome;
import io.driftwatch.ingest.git.publish.PublishedObject;
import io.driftwatch.ingest.git.render.DesiredSet;
import io.driftwatch.ingest.git.render.DesiredSetAssembler;
import io.driftwatch.ingest.git.render.ManifestRenderer;
import io.driftwatch.ingest.git.render.RenderError;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.repo.GitCommitTree;
import io.driftwatch.ingest.git.repo.GitSourceException;
import io.driftwatch.ingest.git.repo.RepositoryMirror;
import io.driftwatch.ingest.git.repo.ResolvedCommit;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one source: fetch, resolve the ref, and when it points at a commit not yet published,
 * render and publish it. Failures become a FAILED source status and never escape. A fleet source
 * also reads, from each commit it renders, the sources the commit declares ({@link FleetHook}); a
 * discovered source that cannot be rendered is polled as {@link #blocked blocked}: it reports its
 * problem and publishes nothing.
 */
final class SourcePoller implements AutoCloseable {

  /**
   * What a fleet source does with each commit it renders: reads the sources it declares before
   * publishing (their problems are published with the commit) and acts on them once published.
   */
  interface FleetHook {
    DiscoveredSources discover(DesiredSet desired);

    void published(DiscoveredSources found, DesiredSet desired);
  }

  private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);

  private final GitSourceConfig source;
  private final RepositoryMirror mirror;
  private final ManifestRenderer renderer;
  private final DesiredSetAssembler assembler;
  private final DesiredStatePublisher publisher;
  private final RetryBackoff retry;
  private final FleetHook fleetHook;
  private final String blockedBy;
  private boolean blockReported;
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
    this(source, mirror, renderer, assembler, publisher, retry, publishedCommit, null, null);
  }

  private SourcePoller(
      GitSourceConfig source,
      RepositoryMirror mirror,
      ManifestRenderer renderer,
      DesiredSetAssembler assembler,
      DesiredStatePublisher publisher,
      RetryBackoff retry,
      String publishedCommit,
      FleetHook fleetHook,
      String blockedBy) {
    this.source = source;
    this.publishedCommit = publishedCommit;
    this.mirror = mirror;
    this.renderer = renderer;
    this.assembler = assembler;
    this.publisher = publisher;
    this.retry = retry;
    this.fleetHook = fleetHook;
    this.blockedBy = blockedBy;
  }

  /** A fleet source: each commit it renders is read for the sources it declares. */
  static SourcePoller fleet(
      GitSourceConfig source,
      RepositoryMirror mirror,
      ManifestRenderer renderer,
      DesiredSetAssembler assembler,
      DesiredStatePublisher publisher,
      RetryBackoff retry,
      String publishedCommit,
      FleetHook hook) {
    return new SourcePoller(
        source, mirror, renderer, assembler, publisher, retry, publishedCommit, hook, null);
  }

  /**
   * A discovered source that cannot be rendered: its first poll reports {@code problem} as its
   * FAILED status, and what it published before stands. A new fleet commit that fixes it replaces
   * this poller.
   */
  static SourcePoller blocked(
      GitSourceConfig source, DesiredStatePublisher publisher, RetryBackoff retry, String problem) {
    return new SourcePoller(
        source,
        null,
        null,
        null,
        publisher,
        retry,
        null,
        null,
        "Source '" + source.id() + "': " + problem);
  }

  /** What the source holds on the topic now. */
  Map<ResourceKey, PublishedObject> published() {
    return publisher.published();
  }

  /** The status history a poller taking over this source starts from. */
  SourceStatus history() {
    return publisher.history();
  }

  /**
   * Withdraws everything the source published and its status.
   *
   * @return how many objects were withdrawn
   */
  int withdraw() {
    return publisher.withdraw();
  }

  GitSourceConfig source() {
    return source;
  }

  /** How long until this source should be polled again: its interval, or the retry backoff. */
  Duration nextDelay() {
    if (blockedBy != null) {
      return source.pollInterval();
    }
    int failures = publisher.consecutiveFailures();
    return failures == 0 ? source.pollInterval() : retry.delayAfter(failures);
  }

  SourcePoll poll() {
    if (blockedBy != null) {
      return pollBlocked();
    }
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
      DiscoveredSources found = fleetHook == null ? null : fleetHook.discover(desired);
      PublishOutcome outcome =
          found == null
              ? publisher.publish(commit, desired)
              : publisher.publish(commit, desired, found.problems(), found.summary());
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
      if (found != null) {
        fleetHook.published(found, desired);
      }
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

  private SourcePoll pollBlocked() {
    if (!blockReported) {
      try {
        publisher.failed(null, blockedBy);
        blockReported = true;
        LOG.warn("{}", blockedBy);
      } catch (KafkaException e) {
        LOG.warn("Source {}: cannot publish its FAILED status: {}", source.id(), e.getMessage());
      }
    }
    return new SourcePoll(source.id(), null, false, 0, 0, 0, blockedBy);
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
    if (mirror != null) {
      mirror.close();
    }
  }
}
