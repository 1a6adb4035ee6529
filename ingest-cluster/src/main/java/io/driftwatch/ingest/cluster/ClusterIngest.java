package io.driftwatch.ingest.cluster;

import io.driftwatch.ingest.cluster.kube.Backoff;
import io.driftwatch.ingest.cluster.kube.ClusterWatcher;
import io.driftwatch.ingest.cluster.kube.KubernetesClientFactory;
import io.driftwatch.ingest.cluster.normalize.LiveStateNormalizer;
import io.driftwatch.ingest.cluster.publish.KafkaTopicSink;
import io.driftwatch.ingest.cluster.publish.LiveStatePublisher;
import io.driftwatch.ingest.cluster.publish.SourceStatusPublisher;
import io.driftwatch.ingest.cluster.publish.TopicSink;
import io.driftwatch.ingest.cluster.resume.PublishedLiveKeys;
import io.driftwatch.model.Component;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.secret.SecretRedactor;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest-cluster component: watches the configured kinds of every configured cluster and
 * publishes their normalised live state, tombstones and sync markers. {@link #start()} returns at
 * once; a cluster that cannot be reached is retried with backoff and makes {@link #healthy()} false
 * until it is listed, while the other clusters keep flowing.
 */
public final class ClusterIngest implements Component {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterIngest.class);

  private final ClusterIngestConfig config;
  private final Supplier<TopicSink> sinks;
  private final PublishedLiveKeys publishedKeys;
  private final SecretRedactor redactor;
  private final Function<ClusterConfig, KubernetesClient> clients;
  private final Backoff backoff;
  private final Clock clock;
  private final List<ClusterWatcher> watchers = new ArrayList<>();
  private TopicSink sink;
  private boolean started;
  private boolean closed;

  /** The production wiring: clients from each cluster's kubeconfig or service account. */
  public ClusterIngest(ClusterIngestConfig config, KafkaSettings kafka, SecretRedactor redactor) {
    this(config, kafka, redactor, new KubernetesClientFactory());
  }

  /**
   * @param clients builds the client of a cluster; tests pass a mock API server's client
   */
  public ClusterIngest(
      ClusterIngestConfig config,
      KafkaSettings kafka,
      SecretRedactor redactor,
      Function<ClusterConfig, KubernetesClient> clients) {
    this(
        config,
        () ->
            new KafkaTopicSink(Objects.requireNonNull(kafka, "kafka"), "driftwatch-ingest-cluster"),
        PublishedLiveKeys.fromTopic(Objects.requireNonNull(kafka, "kafka"), config.clusters()),
        redactor,
        clients,
        Backoff.DEFAULT,
        Clock.systemUTC());
  }

  ClusterIngest(
      ClusterIngestConfig config,
      Supplier<TopicSink> sinks,
      PublishedLiveKeys publishedKeys,
      SecretRedactor redactor,
      Function<ClusterConfig, KubernetesClient> clients,
      Backoff backoff,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.sinks = Objects.requireNonNull(sinks, "sinks");
    this.publishedKeys = Objects.requireNonNull(publishedKeys, "publishedKeys");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.clock = Objects.requireNonNull(clock, "clock");
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
    sink = sinks.get();
    LiveStateNormalizer normalizer = new LiveStateNormalizer(redactor, clock);
    SourceStatusPublisher status = new SourceStatusPublisher(sink, clock);
    for (ClusterConfig cluster : config.clusters()) {
      LiveStatePublisher live = new LiveStatePublisher(cluster.name(), normalizer, sink, clock);
      ClusterWatcher watcher =
          new ClusterWatcher(cluster, clients, live, status, publishedKeys, backoff);
      watchers.add(watcher);
      watcher.start();
    }
    LOG.info(
        "ingest-cluster watching {} cluster(s): {}",
        watchers.size(),
        watchers.stream().map(ClusterWatcher::name).toList());
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
