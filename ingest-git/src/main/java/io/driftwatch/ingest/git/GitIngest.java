package io.driftwatch.ingest.git;

import io.driftwatch.ingest.git.discover.DiscoveredSource;
import io.driftwatch.ingest.git.discover.DiscoveredSources;
import io.driftwatch.ingest.git.publish.DesiredStatePublisher;
import io.driftwatch.ingest.git.publish.PublishedObject;
import io.driftwatch.ingest.git.publish.PublishedStateLoader;
import io.driftwatch.ingest.git.render.DesiredSet;
import io.driftwatch.ingest.git.render.DesiredSetAssembler;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.ingest.git.render.kustomize.BuildOptions;
import io.driftwatch.ingest.git.render.kustomize.KustomizeRenderer;
import io.driftwatch.ingest.git.repo.CommitSignatureVerifier;
import io.driftwatch.ingest.git.repo.RepositoryMirror;
import io.driftwatch.ingest.git.repo.RepositoryUrls;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 *
 * <p>A fleet source (one with discovery settings) also declares sources: each commit it publishes
 * is read for Flux Kustomizations and Argo CD Applications; new sources are polled at once, changed
 * ones replaced (keeping what they published), and those the commit no longer declares withdrawn:
 * their objects are tombstoned and their status removed. A fleet commit that fails to render
 * changes none of them.
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
  private final Map<String, FleetTracker> fleets = new LinkedHashMap<>();
  private final Map<String, DiscoveredSource> discovered = new HashMap<>();
  private final Set<String> pendingWithdrawals = new LinkedHashSet<>();
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
    config
        .fleets()
        .forEach((id, discovery) -> fleets.put(id, new FleetTracker(sources.get(id), discovery)));
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
    // Sources a fleet declares during the round are polled in it too, after the fleet.
    List<String> order = new ArrayList<>(sources.keySet());
    for (int i = 0; i < order.size(); i++) {
      String id = order.get(i);
      if (sources.containsKey(id)) {
        polls.add(poll(id));
      }
      sources.keySet().stream().filter(added -> !order.contains(added)).forEach(order::add);
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

  /** The ids of every source now polled: configured ones first, then those fleets declare. */
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
          schedule(id, config.retry().max());
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
    SourcePoll poll = pollers.computeIfAbsent(id, this::newPoller).poll();
    if (fleets.containsKey(id) && !pendingWithdrawals.isEmpty()) {
      List.copyOf(pendingWithdrawals).forEach(this::withdraw);
    }
    return poll;
  }

  private SourcePoller newPoller(String id) {
    GitSourceConfig source = sources.get(id);
    Map<ResourceKey, PublishedObject> objects = resumedObjects.getOrDefault(id, Map.of());
    SourceStatus last = resumedStatuses.get(id);
    LOG.info("Source {} resumed with {} published objects", id, objects.size());
    DesiredStatePublisher publisher =
        new DesiredStatePublisher(source.id(), kafka, objects, last, clock);
    String publishedCommit =
        last != null && last.phase() == SourcePhase.SYNCED ? last.revision() : null;
    DiscoveredSource child = discovered.get(id);
    if (child != null && child.state() == DiscoveredSource.State.BLOCKED) {
      return SourcePoller.blocked(source, publisher, config.retry(), child.message());
    }
    RepositoryMirror mirror =
        new RepositoryMirror(
                source.id(),
                source.repository(),
                source.ref(),
                config.workDir(),
                config.credentials())
            .verifyingSignaturesWith(signatures);
    KustomizeRenderer renderer =
        new KustomizeRenderer(
            YamlLimits.DEFAULTS,
            Optional.ofNullable(source.targetNamespace()),
            child == null ? BuildOptions.NONE : child.build());
    FleetTracker fleet = fleets.get(id);
    if (fleet != null) {
      return SourcePoller.fleet(
          source,
          mirror,
          renderer,
          assembler,
          publisher,
          config.retry(),
          publishedCommit,
          hook(fleet));
    }
    return new SourcePoller(
        source, mirror, renderer, assembler, publisher, config.retry(), publishedCommit);
  }

  private SourcePoller.FleetHook hook(FleetTracker fleet) {
    return new SourcePoller.FleetHook() {
      @Override
      public DiscoveredSources discover(DesiredSet desired) {
        return fleet.discover(desired, takenIds(fleet));
      }

      @Override
      public void published(DiscoveredSources found, DesiredSet desired) {
        found.notes().forEach(note -> LOG.info("Fleet {}: {}", fleet.fleet().id(), note));
        found
            .problems()
            .forEach(p -> LOG.warn("Fleet {}: {}: {}", fleet.fleet().id(), p.path(), p.reason()));
        apply(fleet, fleet.accept(found, desired, resumedIds(), id -> foreign(fleet, id)));
      }
    };
  }

  /** Ids a fleet's sources must not take: configured sources and other fleets' sources. */
  private Set<String> takenIds(FleetTracker fleet) {
    Set<String> taken = new HashSet<>();
    config.sources().forEach(source -> taken.add(source.id()));
    fleets.values().stream()
        .filter(other -> other != fleet)
        .forEach(other -> taken.addAll(other.children().keySet()));
    return taken;
  }

  /** True when {@code id} is someone else's: configured, or another fleet's (now or by prefix). */
  private boolean foreign(FleetTracker fleet, String id) {
    if (takenIds(fleet).contains(id)) {
      return true;
    }
    String own = fleet.fleet().id();
    // Ids under a longer fleet id ("a.b." inside "a.") belong to that fleet.
    return fleets.keySet().stream()
        .anyMatch(other -> other.length() > own.length() && id.startsWith(other + "."));
  }

  /** Ids that held objects or a status when this process started and are not polled now. */
  private Set<String> resumedIds() {
    Set<String> ids = new LinkedHashSet<>(resumedObjects.keySet());
    ids.addAll(resumedStatuses.keySet());
    ids.removeAll(sources.keySet());
    return ids;
  }

  private void apply(FleetTracker fleet, FleetTracker.Changes changes) {
    for (String id : changes.withdrawn()) {
      withdraw(id);
    }
    for (DiscoveredSource child : changes.defined()) {
      define(fleet, child);
    }
  }

  /** Starts polling a new or changed source a fleet declares, from what it published so far. */
  private void define(FleetTracker fleet, DiscoveredSource child) {
    stop(child.id());
    pendingWithdrawals.remove(child.id());
    switch (child.state()) {
      case SUSPENDED -> {
        discovered.remove(child.id());
        sources.remove(child.id());
        LOG.info("Source {} is suspended: {}", child.id(), child.message());
        return;
      }
      case BLOCKED -> {
        discovered.put(child.id(), child);
        GitSourceConfig fleetSource = fleet.fleet();
        sources.put(
            child.id(),
            new GitSourceConfig(
                child.id(),
                fleetSource.repository(),
                null,
                "",
                fleetSource.cluster(),
                null,
                fleetSource.pollInterval(),
                null));
      }
      case READY -> {
        discovered.put(child.id(), child);
        sources.put(child.id(), child.config());
        LOG.info(
            "Fleet {} declares source {} ({} in {}): {} at {}, path '{}', cluster {}",
            fleet.fleet().id(),
            child.id(),
            child.object(),
            child.declaredIn(),
            RepositoryUrls.redact(child.config().repository()),
            child.config().ref(),
            child.config().path(),
            child.config().cluster());
      }
    }
    if (scheduler != null && !closed) {
      schedule(child.id(), Duration.ZERO);
    }
  }

  /** Stops polling a source and keeps what it published, for a poller that takes it over. */
  private void stop(String id) {
    ScheduledFuture<?> pending = schedules.remove(id);
    if (pending != null) {
      pending.cancel(false);
    }
    SourcePoller poller = pollers.remove(id);
    if (poller != null) {
      resumedObjects.put(id, poller.published());
      resumedStatuses.put(id, poller.history());
      poller.close();
    }
  }

  /**
   * Withdraws a source a fleet no longer declares: tombstones its objects and its status. When
   * Kafka refuses, it is tried again after the fleet's next poll.
   */
  private void withdraw(String id) {
    stop(id);
    discovered.remove(id);
    sources.remove(id);
    Map<ResourceKey, PublishedObject> objects = resumedObjects.getOrDefault(id, Map.of());
    try (DesiredStatePublisher publisher =
        new DesiredStatePublisher(id, kafka, objects, resumedStatuses.get(id), clock)) {
      int withdrawn = publisher.withdraw();
      resumedObjects.remove(id);
      resumedStatuses.remove(id);
      pendingWithdrawals.remove(id);
      LOG.info(
          "Source {} is no longer declared: withdrew its {} objects and its status", id, withdrawn);
    } catch (KafkaException e) {
      pendingWithdrawals.add(id);
      LOG.warn(
          "Source {} is no longer declared but cannot be withdrawn yet: {}; will retry",
          id,
          e.getMessage());
    }
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
