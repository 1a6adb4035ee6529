package io.driftwatch.ingest.git;

import io.driftwatch.ingest.git.publish.DesiredStatePublisher;
import io.driftwatch.ingest.git.publish.PublishedObject;
import io.driftwatch.ingest.git.publish.PublishedStateLoader;
import io.driftwatch.ingest.git.render.DesiredSetAssembler;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.ingest.git.render.kustomize.KustomizeRenderer;
import io.driftwatch.ingest.git.repo.CommitSignatureVerifier;
import io.driftwatch.ingest.git.repo.RepositoryMirror;
import io.driftwatch.ingest.git.webhook.PollTrigger;
import io.driftwatch.model.Component;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.secret.SecretRedactor;
import io.driftwatch.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest-git component: polls every Git source on one thread, renders each new commit and
 * publishes its desired state, source status and render errors. Each source is polled at its own
 * interval; a failing source is retried on {@link RetryBackoff} instead, and {@link
 * #trigger(Collection)} (a webhook) polls sources at once. Before the first poll it rebuilds what
 * each source last published from Kafka, so that a restart neither republishes unchanged objects
 * nor forgets objects removed while it was down.
 */
public final class GitIngest implements Component, PollTrigger {

  private static final Logger LOG = LoggerFactory.getLogger(GitIngest.class);
  private static final Duration RESUME_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration RESUME_RETRY = Duration.ofSeconds(5);

  private final GitIngestConfig config;
  private final KafkaSettings kafka;
  private final DesiredSetAssembler assembler;
  private final CommitSignatureVerifier signatures;
  private final Clock clock;
  private final Map<String, GitSourceConfig> sources = new LinkedHashMap<>();
  private final Map<String, SourcePoller> pollers = new HashMap<>();
  private final Map<String, ScheduledFuture<?>> schedules = new HashMap<>();
  private Map<String, Map<ResourceKey, PublishedObject>> resumedObjects;
  private Map<String, SourceStatus> resumedStatuses;
  private ScheduledExecutorService scheduler;
  private volatile String kafkaProblem;
  private volatile boolean closed;

  public GitIngest(GitIngestConfig config, KafkaSettings kafka, SecretRedactor redactor) {
    this(config, kafka, redactor, Clock.systemUTC());
  }

  GitIngest(GitIngestConfig config, KafkaSettings kafka, SecretRedactor redactor, Clock clock) {
    this.config = config;
    this.kafka = kafka;
    this.assembler = new DesiredSetAssembler(redactor);
    this.signatures = CommitSignatureVerifier.load(config.signatures());
    this.clock = clock;
    config.sources().forEach(source -> sources.put(source.id(), source));
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
    sources.keySet().forEach(id -> schedule(id, Duration.ZERO));
    LOG.info("Polling {} Git sources", sources.size());
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
    for (String id : List.copyOf(sources.keySet())) {
      polls.add(poll(id));
    }
    return new PollSummary(polls);
  }

  /**
   * Polls the given sources as soon as the polling thread is free (a webhook said their repository
   * changed); unknown ids are ignored. Before {@link #start()} this does nothing.
   *
   * @return the ids that were scheduled
   */
  @Override
  public synchronized List<String> trigger(Collection<String> sourceIds) {
    List<String> triggered = new ArrayList<>();
    if (scheduler == null || closed) {
      return triggered;
    }
    for (String id : sourceIds) {
      if (sources.containsKey(id)) {
        schedule(id, Duration.ZERO);
        triggered.add(id);
      }
    }
    return triggered;
  }

  /** The ids of every source now polled, configured ones first. */
  @Override
  public synchronized List<String> sourceIds() {
    return List.copyOf(sources.keySet());
  }

  /** Replaces the pending poll of a source by one after {@code delay}. */
  private void schedule(String id, Duration delay) {
    ScheduledFuture<?> pending = schedules.remove(id);
    if (pending != null) {
      pending.cancel(false);
    }
    schedules.put(
        id, scheduler.schedule(() -> pollScheduled(id), delay.toMillis(), TimeUnit.MILLISECONDS));
  }

  private void pollScheduled(String id) {
    try {
      synchronized (this) {
        if (closed || !sources.containsKey(id)) {
          return;
        }
        poll(id);
        SourcePoller poller = pollers.get(id);
        schedule(id, poller == null ? RESUME_RETRY : poller.nextDelay());
      }
    } catch (RuntimeException | Error e) {
      // Keep the source scheduled: an escaping throwable would end its polling for good.
      LOG.error("Polling source {} failed unexpectedly", id, e);
      synchronized (this) {
        if (!closed && sources.containsKey(id)) {
          schedule(id, RetryBackoff.DEFAULT.max());
        }
      }
    }
  }

  private SourcePoll poll(String id) {
    if (!resume()) {
      return new SourcePoll(
          id,
          null,
          false,
          0,
          0,
          0,
          "Source '" + id + "': cannot resume from Kafka: " + kafkaProblem);
    }
    return pollers.computeIfAbsent(id, this::newPoller).poll();
  }

  private SourcePoller newPoller(String id) {
    GitSourceConfig source = sources.get(id);
    Map<ResourceKey, PublishedObject> objects = resumedObjects.getOrDefault(id, Map.of());
    SourceStatus last = resumedStatuses.get(id);
    LOG.info("Source {} resumed with {} published objects", id, objects.size());
    return new SourcePoller(
        source,
        new RepositoryMirror(
                source.id(),
                source.repository(),
                source.ref(),
                config.workDir(),
                config.credentials())
            .verifyingSignaturesWith(signatures),
        new KustomizeRenderer(YamlLimits.DEFAULTS, Optional.ofNullable(source.targetNamespace())),
        assembler,
        new DesiredStatePublisher(source.id(), kafka, objects, last, clock),
        config.retry(),
        last != null && last.phase() == SourcePhase.SYNCED ? last.revision() : null);
  }

  /** Loads what every source last published and its last status, once; false while Kafka fails. */
  private boolean resume() {
    if (resumedObjects != null) {
      return true;
    }
    try {
      PublishedStateLoader loader = new PublishedStateLoader(kafka, RESUME_TIMEOUT);
      Map<String, SourceStatus> statuses = loader.loadStatuses();
      resumedObjects = loader.loadAll();
      resumedStatuses = statuses;
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
      schedules.clear();
    }
  }
}
