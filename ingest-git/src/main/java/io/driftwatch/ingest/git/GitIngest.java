package io.driftwatch.ingest.git;

import io.driftwatch.ingest.git.publish.DesiredStatePublisher;
import io.driftwatch.ingest.git.publish.PublishedObject;
import io.driftwatch.ingest.git.publish.PublishedStateLoader;
import io.driftwatch.ingest.git.render.DesiredSetAssembler;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.ingest.git.render.kustomize.KustomizeRenderer;
import io.driftwatch.ingest.git.repo.RepositoryMirror;
import io.driftwatch.model.Component;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.secret.SecretRedactor;
import io.driftwatch.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest-git component: polls every configured Git source on one thread, renders each new
 * commit and publishes its desired state, source status and render errors. Before the first poll it
 * rebuilds what each source last published from {@code gitops.desired-state.v1}, so that a restart
 * neither republishes unchanged objects nor forgets objects removed while it was down.
 */
public final class GitIngest implements Component {

  private static final Logger LOG = LoggerFactory.getLogger(GitIngest.class);
  private static final Duration RESUME_TIMEOUT = Duration.ofSeconds(60);

  private final GitIngestConfig config;
  private final KafkaSettings kafka;
  private final DesiredSetAssembler assembler;
  private final Map<String, SourcePoller> pollers = new LinkedHashMap<>();
  private ScheduledExecutorService scheduler;
  private volatile boolean resumed;
  private volatile String kafkaProblem;
  private volatile boolean closed;

  public GitIngest(GitIngestConfig config, KafkaSettings kafka, SecretRedactor redactor) {
    this.config = config;
    this.kafka = kafka;
    this.assembler = new DesiredSetAssembler(redactor);
  }

  @Override
  public String name() {
    return "ingest-git";
  }

  @Override
  public synchronized void start() {
    if (scheduler != null || closed) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "driftwatch-ingest-git");
              thread.setDaemon(true);
              return thread;
            });
    for (GitSourceConfig source : config.sources()) {
      scheduler.scheduleWithFixedDelay(
          () -> pollScheduled(source), 0, source.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }
    LOG.info("Polling {} Git sources", config.sources().size());
  }

  /**
   * Polls every source once, now, on the calling thread, and says what each poll did. A source
   * whose ref has not moved since this instance published it is not rendered again.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public synchronized PollSummary pollOnce() {
    if (closed) {
      throw new IllegalStateException("ingest-git is closed");
    }
    List<SourcePoll> polls = new ArrayList<>();
    for (GitSourceConfig source : config.sources()) {
      polls.add(poll(source));
    }
    return new PollSummary(polls);
  }

  private void pollScheduled(GitSourceConfig source) {
    try {
      synchronized (this) {
        if (!closed) {
          poll(source);
        }
      }
    } catch (RuntimeException | Error e) {
      // An escaping throwable would silently cancel this source's schedule.
      LOG.error("Polling source {} failed unexpectedly", source.id(), e);
    }
  }

  private SourcePoll poll(GitSourceConfig source) {
    if (!resume()) {
      return new SourcePoll(
          source.id(),
          null,
          false,
          0,
          0,
          0,
          "Source '" + source.id() + "': cannot resume from Kafka: " + kafkaProblem);
    }
    return pollers.get(source.id()).poll();
  }

  /** Loads what every source last published, once; false while Kafka cannot be read. */
  private boolean resume() {
    if (resumed) {
      return true;
    }
    try {
      Map<String, Map<ResourceKey, PublishedObject>> published =
          new PublishedStateLoader(kafka, RESUME_TIMEOUT)
              .load(config.sources().stream().map(GitSourceConfig::id).collect(Collectors.toSet()));
      for (GitSourceConfig source : config.sources()) {
        Map<ResourceKey, PublishedObject> objects = published.get(source.id());
        pollers.put(
            source.id(),
            new SourcePoller(
                source,
                new RepositoryMirror(
                    source.id(),
                    source.repository(),
                    source.ref(),
                    config.workDir(),
                    config.credentials()),
                new KustomizeRenderer(
                    YamlLimits.DEFAULTS, Optional.ofNullable(source.targetNamespace())),
                assembler,
                new DesiredStatePublisher(source.id(), kafka, objects, Clock.systemUTC())));
        LOG.info("Source {} resumed with {} published objects", source.id(), objects.size());
      }
      resumed = true;
      kafkaProblem = null;
      return true;
    } catch (KafkaException e) {
      kafkaProblem = "cannot read " + Topics.DESIRED_STATE.name() + ": " + e.getMessage();
      LOG.warn("ingest-git {}; will retry at the next poll", kafkaProblem);
      return false;
    }
  }

  @Override
  public boolean healthy() {
    return !closed && kafkaProblem == null;
  }

  @Override
  public void close() {
    closed = true;
    ScheduledExecutorService running;
    synchronized (this) {
      running = scheduler;
    }
    if (running != null) {
      running.shutdownNow();
      try {
        running.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      pollers.values().forEach(SourcePoller::close);
      pollers.clear();
    }
  }
}
