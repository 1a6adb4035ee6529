package io.driftwatch.ingest.cluster.kube;

import io.driftwatch.ingest.cluster.ClusterConfig;
import io.driftwatch.ingest.cluster.WatchedKind;
import io.driftwatch.ingest.cluster.publish.LiveStatePublisher;
import io.driftwatch.ingest.cluster.publish.SourceStatusPublisher;
import io.driftwatch.ingest.cluster.resume.PublishedLiveKeys;
import io.driftwatch.model.ResourceKey;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every configured kind of one cluster. Each attempt starts the kinds that are not running
 * yet; when some cannot be listed (API server unreachable, kind unknown) they are marked FAILED,
 * one warning names the cluster and the cause, and the next attempt follows after a backoff. Other
 * clusters are unaffected: each cluster has its own thread.
 *
 * <p>The first attempt also takes what each kind published before ingest-cluster started (from
 * {@link PublishedLiveKeys}; an attempt that cannot read it fails and is retried, rather than miss
 * the tombstones of objects deleted meanwhile). A kind's first complete list is reconciled with
 * those keys; a kind whose watch stops and starts again is reconciled with what the stopped watch
 * knew.
 */
public final class ClusterWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterWatcher.class);

  private final ClusterConfig config;
  private final Function<ClusterConfig, KubernetesClient> clients;
  private final LiveStatePublisher live;
  private final SourceStatusPublisher status;
  private final PublishedLiveKeys publishedKeys;
  private final Backoff backoff;
  private final ScheduledExecutorService scheduler;
  private final Map<WatchedKind, KindWatch> running = new ConcurrentHashMap<>();
  // Kinds an attempt is starting; a second attempt (after a watch stopped) must not start them too.
  private final Set<WatchedKind> starting = ConcurrentHashMap.newKeySet();
  // The keys each kind published before its current watch, until its first list is reconciled.
  private final Map<WatchedKind, Set<ResourceKey>> publishedBefore = new ConcurrentHashMap<>();
  private volatile boolean publishedBeforeTaken;
  private volatile KubernetesClient client;
  private volatile boolean failed;
  private volatile boolean closed;
  private int failuresInARow;
  private int attempts;

  public ClusterWatcher(
      ClusterConfig config,
      Function<ClusterConfig, KubernetesClient> clients,
      LiveStatePublisher live,
      SourceStatusPublisher status,
      PublishedLiveKeys publishedKeys,
      Backoff backoff) {
    this.config = Objects.requireNonNull(config, "config");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.live = Objects.requireNonNull(live, "live");
    this.status = Objects.requireNonNull(status, "status");
    this.publishedKeys = Objects.requireNonNull(publishedKeys, "publishedKeys");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "ingest-cluster-" + config.name());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Schedules the first attempt and returns at once. */
  public void start() {
    schedule(Duration.ZERO);
  }

  /** The cluster's name as configured. */
  public String name() {
    return config.name();
  }

  /** True from a failed attempt until an attempt gets every kind listed. */
  public boolean failed() {
    return failed;
  }

  private void attempt() {
    if (closed) {
      return;
    }
    attempts++;
    if (!publishedBeforeTaken) {
      try {
        for (WatchedKind kind : config.kinds()) {
          publishedBefore.put(kind, publishedKeys.take(config.name(), kind));
        }
        publishedBeforeTaken = true;
      } catch (RuntimeException e) {
        String reason =
            "cannot read what this cluster published before from gitops.live-state.v1 ("
                + describe(e)
                + "); without it, objects deleted while ingest-cluster was down would keep their"
                + " live state";
        concluded(config.kinds().stream().map(kind -> new Failure(kind, reason)).toList());
        return;
      }
    }
    if (client == null) {
      try {
        client = clients.apply(config);
      } catch (RuntimeException e) {
        concluded(config.kinds().stream().map(kind -> new Failure(kind, describe(e))).toList());
        return;
      }
    }
    List<CompletableFuture<Failure>> outcomes = new ArrayList<>();
    for (WatchedKind kind : config.kinds()) {
      if (running.containsKey(kind) || !starting.add(kind)) {
        continue;
      }
      ResourceDefinitionContext context;
      try {
        context = KindResolver.resolve(config.name(), kind, client);
      } catch (KindResolutionException e) {
        starting.remove(kind);
        outcomes.add(CompletableFuture.completedFuture(new Failure(kind, e.getMessage())));
        continue;
      }
      KindWatch watch =
          new KindWatch(
              config,
              kind,
              context,
              client,
              live,
              status,
              publishedBefore.getOrDefault(kind, Set.of()),
              () -> publishedBefore.remove(kind));
      CompletableFuture<Void> started;
      try {
        started = watch.start(error -> stoppedUnexpectedly(watch, error));
      } catch (RuntimeException e) {
        started = CompletableFuture.failedFuture(e);
      }
      outcomes.add(
          started.handle(
              (ignored, error) -> {
                starting.remove(kind);
                if (error == null && !closed) {
                  running.put(kind, watch);
                  return null;
                }
                watch.close();
                return error == null ? null : new Failure(kind, describe(error));
              }));
    }
    // Conclude on this cluster's thread, so that the retry state is only touched there.
    CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
        .thenRunAsync(
            () ->
                concluded(
                    outcomes.stream()
                        .map(CompletableFuture::join)
                        .filter(Objects::nonNull)
                        .toList()),
            scheduler);
  }

  private void concluded(List<Failure> failures) {
    if (closed) {
      return;
    }
    if (failures.isEmpty()) {
      if (failed) {
        LOG.info("Cluster '{}': every watched kind is listed again", config.name());
      }
      failed = false;
      failuresInARow = 0;
      return;
    }
    failed = true;
    failuresInARow++;
    for (Failure failure : failures) {
      status.failed(config.name(), failure.kind().group(), failure.kind().kind(), failure.reason());
    }
    Duration delay = backoff.delay(failuresInARow);
    LOG.warn(
        "Cluster '{}': cannot watch {} of {} kinds (attempt {}), retrying in {} s: {}",
        config.name(),
        failures.size(),
        config.kinds().size(),
        attempts,
        delay.toMillis() / 1000.0,
        failures.get(0).reason());
    schedule(delay);
  }

  private void stoppedUnexpectedly(KindWatch watch, Throwable error) {
    if (closed || !running.remove(watch.kind(), watch)) {
      return;
    }
    // Objects deleted before the next watch lists them must still get their tombstones.
    publishedBefore.put(watch.kind(), watch.published());
    watch.close();
    schedule(Duration.ZERO);
    LOG.warn(
        "Cluster '{}': the watch of {} stopped ({}), starting it again",
        config.name(),
        watch.kind(),
        describe(error));
  }

  private void schedule(Duration delay) {
    try {
      scheduler.schedule(this::attemptSafely, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closed meanwhile.
    }
  }

  private void attemptSafely() {
    try {
      attempt();
    } catch (RuntimeException e) {
      // Never let a bug end the retries of this cluster.
      concluded(config.kinds().stream().map(kind -> new Failure(kind, describe(e))).toList());
    }
  }

  /** The cause chain, by type and message, which is what an operator needs to fix the access. */
  static String describe(Throwable error) {
    Throwable current = error;
    while (current instanceof CompletionException && current.getCause() != null) {
      current = current.getCause();
    }
    StringBuilder text = new StringBuilder();
    for (int depth = 0; current != null && depth < 4; depth++, current = current.getCause()) {
      if (depth > 0) {
        text.append("; caused by ");
      }
      text.append(current.getClass().getSimpleName());
      if (current.getMessage() != null) {
        text.append(": ").append(current.getMessage());
      }
    }
    return text.toString();
  }

  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    running.values().forEach(KindWatch::close);
    running.clear();
    KubernetesClient current = client;
    if (current != null) {
      try {
        current.close();
      } catch (RuntimeException e) {
        LOG.debug("Closing the client of cluster '{}' failed: {}", config.name(), e.toString());
      }
    }
  }

  private record Failure(WatchedKind kind, String reason) {}
}
