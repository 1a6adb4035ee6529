package io.driftwatch.ingest.cluster;

import io.driftwatch.ingest.cluster.kinds.AutoKinds;
import io.driftwatch.ingest.cluster.kinds.DesiredKindsSource;
import io.driftwatch.ingest.cluster.kinds.KindSelection;
import io.driftwatch.ingest.cluster.kube.Backoff;
import io.driftwatch.ingest.cluster.kube.ClusterWatcher;
import io.driftwatch.ingest.cluster.kube.KubernetesClientFactory;
import io.driftwatch.ingest.cluster.metrics.ClusterMetrics;
import io.driftwatch.ingest.cluster.normalize.LiveStateNormalizer;
import io.driftwatch.ingest.cluster.normalize.LiveStateSizeLimit;
import io.driftwatch.ingest.cluster.publish.KafkaTopicSink;
import io.driftwatch.ingest.cluster.publish.LiveStatePublisher;
import io.driftwatch.ingest.cluster.publish.SourceStatusPublisher;
import io.driftwatch.ingest.cluster.publish.TopicSink;
import io.driftwatch.ingest.cluster.reconcile.ReconcilerKinds;
import io.driftwatch.ingest.cluster.resume.PublishedLiveKeys;
import io.driftwatch.model.Component;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.secret.SecretRedactor;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest-cluster component: watches the selected kinds of every configured cluster and
 * publishes their normalised live state, tombstones and sync markers, with per-cluster meters on
 * the registry it is given. {@link #start()} returns at once; a cluster that cannot be reached is
 * retried with backoff and makes {@link #healthy()} false until it is listed, while the other
 * clusters keep flowing.
 */
public final class ClusterIngest implements Component {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterIngest.class);

  /** How often {@code kinds: auto} probes again for reconciler kinds a cluster did not serve. */
  static final Duration REDISCOVERY = Duration.ofMinutes(5);

  private final ClusterIngestConfig config;
  private final KafkaSettings kafka;
  private final SecretRedactor redactor;
  private final Function<ClusterConfig, KubernetesClient> clients;
  private final MeterRegistry registry;
  private final Backoff backoff;
  private final Clock clock;
  private final List<ClusterWatcher> watchers = new ArrayList<>();
  private TopicSink sink;
  private DesiredKindsSource desiredKinds;
  private ScheduledExecutorService rediscovery;
  private boolean started;
  private boolean closed;

  /**
   * The production wiring: clients from each cluster's kubeconfig, service account or credential
   * files, meters on the process's registry.
   */
  public ClusterIngest(
      ClusterIngestConfig config,
      KafkaSettings kafka,
      SecretRedactor redactor,
      MeterRegistry registry) {
    this(config, kafka, redactor, new KubernetesClientFactory(), registry, Backoff.DEFAULT);
  }

  /**
   * @param clients builds the client of a cluster; tests pass a mock API server's client
   */
  public ClusterIngest(
      ClusterIngestConfig config,
      KafkaSettings kafka,
      SecretRedactor redactor,
      Function<ClusterConfig, KubernetesClient> clients) {
    this(config, kafka, redactor, clients, new SimpleMeterRegistry(), Backoff.DEFAULT);
  }

  /**
   * @param clients builds the client of a cluster; tests pass a mock API server's client
   * @param registry where the per-cluster meters go
   * @param backoff the delays between attempts to reach a cluster
   */
  public ClusterIngest(
      ClusterIngestConfig config,
      KafkaSettings kafka,
      SecretRedactor redactor,
      Function<ClusterConfig, KubernetesClient> clients,
      MeterRegistry registry,
      Backoff backoff) {
    this.config = Objects.requireNonNull(config, "config");
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.clock = Clock.systemUTC();
  }

  @Override
  public String name() {
    return "ingest-cluster";
  }

  @Override
  public synchronized void start() {
    if (started || closed) {
      return;
    }
    started = true;
    sink = new KafkaTopicSink(kafka, "driftwatch-ingest-cluster", config.maxObjectBytes());
    ClusterMetrics metrics = new ClusterMetrics(registry, clock);
    LiveStateNormalizer normalizer = new LiveStateNormalizer(redactor, clock);
    LiveStateSizeLimit sizeLimit = new LiveStateSizeLimit(config.maxObjectBytes());
    SourceStatusPublisher status = new SourceStatusPublisher(sink, clock, metrics::phase);
    PublishedLiveKeys publishedKeys = PublishedLiveKeys.fromTopic(kafka, config.clusters());
    List<ClusterWatcher> auto = new ArrayList<>();
    for (ClusterConfig cluster : config.clusters()) {
      LiveStatePublisher live =
          new LiveStatePublisher(cluster.name(), normalizer, sizeLimit, sink, clock);
      ClusterWatcher watcher =
          new ClusterWatcher(
              cluster, selection(cluster), clients, live, status, metrics, publishedKeys, backoff);
      watchers.add(watcher);
      if (cluster.autoKinds()) {
        desiredKinds.onNewKinds(cluster.name(), watcher::refresh);
        auto.add(watcher);
      }
    }
    if (desiredKinds != null) {
      desiredKinds.start();
      rediscovery =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "ingest-cluster-rediscovery");
                thread.setDaemon(true);
                return thread;
              });
      long every = REDISCOVERY.toMillis();
      rediscovery.scheduleWithFixedDelay(
          () -> auto.forEach(ClusterWatcher::refresh), every, every, TimeUnit.MILLISECONDS);
    }
    watchers.forEach(ClusterWatcher::start);
    LOG.info(
        "ingest-cluster watching {} cluster(s): {}",
        watchers.size(),
        watchers.stream().map(ClusterWatcher::name).toList());
  }

  private KindSelection selection(ClusterConfig cluster) {
    if (!cluster.autoKinds()) {
      return KindSelection.of(cluster.kinds());
    }
    if (desiredKinds == null) {
      desiredKinds = new DesiredKindsSource(kafka);
    }
    return new AutoKinds(cluster, ReconcilerKinds.watchedKinds(), desiredKinds);
  }

  @Override
  public synchronized boolean healthy() {
    return started && !closed && watchers.stream().noneMatch(ClusterWatcher::failed);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (rediscovery != null) {
      rediscovery.shutdownNow();
    }
    if (desiredKinds != null) {
      desiredKinds.close();
    }
    for (ClusterWatcher watcher : watchers) {
      try {
        watcher.close();
      } catch (RuntimeException e) {
        LOG.warn("Stopping the watches of cluster '{}' failed: {}", watcher.name(), e.toString());
      }
    }
    if (sink != null) {
      sink.close();
    }
  }
}
