package io.driftwatch.ingest.cluster.kube;

import io.driftwatch.ingest.cluster.ClusterConfig;
import io.driftwatch.ingest.cluster.WatchedKind;
import io.driftwatch.ingest.cluster.publish.LiveStatePublisher;
import io.driftwatch.ingest.cluster.publish.SourceStatusPublisher;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The informers of one kind in one cluster: one across all namespaces, or one per configured
 * namespace, each as {@link GenericKubernetesResource} through its resolved {@link
 * ResourceDefinitionContext}. It publishes LISTING when they start and SYNCED once every one of
 * them has delivered its initial list.
 */
final class KindWatch implements AutoCloseable {

  private final ClusterConfig cluster;
  private final WatchedKind kind;
  private final ResourceDefinitionContext context;
  private final KubernetesClient client;
  private final LiveStatePublisher live;
  private final SourceStatusPublisher status;
  private final ResourceEventHandler<GenericKubernetesResource> meter;
  private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();
  private final AtomicInteger unlisted = new AtomicInteger();
  private final AtomicLong listedCount = new AtomicLong();
  private volatile String lastListVersion;
  private volatile boolean closed;

  KindWatch(
      ClusterConfig cluster,
      WatchedKind kind,
      ResourceDefinitionContext context,
      KubernetesClient client,
      LiveStatePublisher live,
      SourceStatusPublisher status,
      ResourceEventHandler<GenericKubernetesResource> meter) {
    this.cluster = cluster;
    this.kind = kind;
    this.context = context;
    this.client = client;
    this.live = live;
    this.status = status;
    this.meter = meter;
  }

  /**
   * Starts the informers without blocking.
   *
   * @param onStopped called with the cause when a running informer stops by itself
   * @return completes when every informer has synced, or exceptionally when one could not list
   */
  CompletableFuture<Void> start(Consumer<Throwable> onStopped) {
    List<
            FilterWatchListDeletable<
                GenericKubernetesResource,
                GenericKubernetesResourceList,
                Resource<GenericKubernetesResource>>>
        scopes = scopes();
    unlisted.set(scopes.size());
    status.listing(cluster.name(), kind.group(), kind.kind());
    List<CompletableFuture<Void>> started = new ArrayList<>();
    for (var scope : scopes) {
      SharedIndexInformer<GenericKubernetesResource> informer = scope.runnableInformer(0);
      // Before the first list succeeds, fail the start so that ClusterWatcher retries with its own
      // backoff and says so; once running, let fabric8 re-establish dropped watches.
      informer.exceptionHandler((isStarted, error) -> isStarted);
      informer.addEventHandler(
          new ObjectEventHandler(
              cluster.name(), client.getKubernetesSerialization(), live, this::informerListed));
      informer.addEventHandler(meter);
      informers.add(informer);
      CompletableFuture<Void> start = informer.start().toCompletableFuture();
      started.add(start);
      informer
          .stopped()
          .whenComplete(
              (ignored, error) -> {
                if (error != null
                    && !closed
                    && start.isDone()
                    && !start.isCompletedExceptionally()) {
                  onStopped.accept(error);
                }
              });
    }
    return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
  }

  WatchedKind kind() {
    return kind;
  }

  private List<
          FilterWatchListDeletable<
              GenericKubernetesResource,
              GenericKubernetesResourceList,
              Resource<GenericKubernetesResource>>>
      scopes() {
    MixedOperation<
            GenericKubernetesResource,
            GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>
        resources = client.genericKubernetesResources(context);
    List<
            FilterWatchListDeletable<
                GenericKubernetesResource,
                GenericKubernetesResourceList,
                Resource<GenericKubernetesResource>>>
        scopes = new ArrayList<>();
    if (!context.isNamespaceScoped()) {
      scopes.add(withSelector(resources));
    } else if (cluster.namespaces().isEmpty()) {
      scopes.add(withSelector(resources.inAnyNamespace()));
    } else {
      for (String namespace : cluster.namespaces()) {
        scopes.add(withSelector(resources.inNamespace(namespace)));
      }
    }
    return scopes;
  }

  private FilterWatchListDeletable<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      withSelector(
          FilterWatchListDeletable<
                  GenericKubernetesResource,
                  GenericKubernetesResourceList,
                  Resource<GenericKubernetesResource>>
              scope) {
    String selector = cluster.labelSelector();
    return selector == null || selector.isBlank() ? scope : scope.withLabelSelector(selector);
  }

  private void informerListed(String resourceVersion, long count) {
    listedCount.addAndGet(count);
    lastListVersion = resourceVersion;
    if (unlisted.decrementAndGet() == 0 && !closed) {
      // A resourceVersion is opaque: with several namespaces there is no one list version to name.
      String revision = informers.size() == 1 ? lastListVersion : null;
      status.synced(cluster.name(), kind.group(), kind.kind(), revision, listedCount.get());
    }
  }

  @Override
  public void close() {
    closed = true;
    for (SharedIndexInformer<GenericKubernetesResource> informer : informers) {
      try {
        informer.stop();
      } catch (RuntimeException e) {
        // Stopping is best effort on shutdown or before a retry.
      }
    }
  }
}
