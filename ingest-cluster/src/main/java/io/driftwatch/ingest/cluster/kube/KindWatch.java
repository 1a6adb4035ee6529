package io.driftwatch.ingest.cluster.kube;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.cluster.ClusterConfig;
import io.driftwatch.ingest.cluster.WatchedKind;
import io.driftwatch.ingest.cluster.publish.LiveStatePublisher;
import io.driftwatch.ingest.cluster.publish.SourceStatusPublisher;
import io.driftwatch.model.ResourceKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers of one kind in one cluster: one across all namespaces, or one per configured
 * namespace, each as {@link GenericKubernetesResource} through its resolved {@link
 * ResourceDefinitionContext} and each with a {@link KnownObjectStore} instead of fabric8's store of
 * full objects. Its sync marker goes LISTING when they start, SYNCED once every one has delivered a
 * complete list, RELISTING when one of them lost its watch and lists again, and SYNCED (with the
 * count it holds) when that list is in.
 *
 * <p>When an informer's first list is in, the keys this kind published before in that informer's
 * scope (read back from Kafka at start, or known to the watch this one replaces) that the list no
 * longer holds are tombstoned: those objects were deleted while nobody watched. A list holds every
 * object that exists, so this never tombstones one that does.
 */
final class KindWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KindWatch.class);

  private final ClusterConfig cluster;
  private final WatchedKind kind;
  private final ResourceDefinitionContext context;
  private final KubernetesClient client;
  private final LiveStatePublisher live;
  private final SourceStatusPublisher status;
  private final Set<ResourceKey> publishedBefore;
  private final Runnable onFirstSynced;
  private final List<Scope> scopes = new ArrayList<>();
  // Guarded by this: informers that have not delivered a first list, informers re-listing.
  private int unlisted;
  private int relisting;
  private boolean synced;
  private volatile boolean closed;

  /**
   * @param publishedBefore the keys this kind of this cluster published before this watch; those
   *     its first lists lack are tombstoned
   * @param onFirstSynced called once, when every informer's first list is in and reconciled with
   *     {@code publishedBefore}
   */
  KindWatch(
      ClusterConfig cluster,
      WatchedKind kind,
      ResourceDefinitionContext context,
      KubernetesClient client,
      LiveStatePublisher live,
      SourceStatusPublisher status,
      Set<ResourceKey> publishedBefore,
      Runnable onFirstSynced) {
    this.cluster = cluster;
    this.kind = kind;
    this.context = context;
    this.client = client;
    this.live = live;
    this.status = status;
    this.publishedBefore = Set.copyOf(publishedBefore);
    this.onFirstSynced = onFirstSynced;
  }

  /**
   * Starts the informers without blocking.
   *
   * @param onStopped called with the cause when a running informer stops by itself
   * @return completes when every informer has synced, or exceptionally when one could not list
   */
  CompletableFuture<Void> start(Consumer<Throwable> onStopped) {
    MixedOperation<
            GenericKubernetesResource,
            GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>
        resources = client.genericKubernetesResources(context);
    if (!context.isNamespaceScoped()) {
      scopes.add(new Scope(withSelector(resources), key -> true));
    } else if (cluster.namespaces().isEmpty()) {
      scopes.add(new Scope(withSelector(resources.inAnyNamespace()), key -> true));
    } else {
      for (String namespace : cluster.namespaces()) {
        scopes.add(
            new Scope(
                withSelector(resources.inNamespace(namespace)),
                key -> key.namespace().equals(namespace)));
      }
    }
    synchronized (this) {
      unlisted = scopes.size();
    }
    status.listing(cluster.name(), kind.group(), kind.kind());
    List<CompletableFuture<Void>> started = new ArrayList<>();
    for (Scope scope : scopes) {
      CompletableFuture<Void> start = scope.informer.start().toCompletableFuture();
      started.add(start);
      scope
          .informer
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

  /**
   * The keys this watch knows to be published: what its informers hold, and for an informer that
   * has not listed yet, what was published before in its scope. A watch that replaces this one
   * reconciles its first lists with these.
   */
  synchronized Set<ResourceKey> published() {
    Set<ResourceKey> keys = new HashSet<>();
    for (Scope scope : scopes) {
      if (scope.listed) {
        scope.store.keySet().map(this::resourceKey).forEach(keys::add);
      } else {
        publishedBefore.stream().filter(scope.inScope).forEach(keys::add);
      }
    }
    return keys;
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

  private synchronized void relistStarted(Scope scope) {
    if (scope.relisting) {
      return;
    }
    scope.relisting = true;
    relisting++;
    if (relisting == 1 && unlisted == 0 && !closed) {
      LOG.info("Cluster '{}': the watch of {} was lost, listing it again", cluster.name(), kind);
      status.relisting(cluster.name(), kind.group(), kind.kind());
    }
  }

  private void listed(Scope scope, String resourceVersion, boolean first) {
    if (first) {
      // On this informer's serial queue, before its later events: a re-created object comes after.
      tombstoneVanished(scope);
    }
    boolean firstSynced = false;
    synchronized (this) {
      if (first && !scope.listed) {
        scope.listed = true;
        unlisted--;
      }
      if (scope.relisting) {
        scope.relisting = false;
        relisting--;
      }
      if (unlisted > 0 || relisting > 0 || closed) {
        return;
      }
      // A resourceVersion is opaque: with several namespaces there is no one list version to name.
      String revision = scopes.size() == 1 ? resourceVersion : null;
      long count = scopes.stream().mapToLong(s -> s.store.size()).sum();
      status.synced(cluster.name(), kind.group(), kind.kind(), revision, count);
      if (!synced) {
        synced = true;
        firstSynced = true;
      }
    }
    if (firstSynced) {
      onFirstSynced.run();
    }
  }

  /** Tombstones the keys published before in this scope that its first list does not hold. */
  private void tombstoneVanished(Scope scope) {
    int tombstoned = 0;
    for (ResourceKey key : publishedBefore) {
      if (scope.inScope.test(key)
          && !scope.store.contains(KnownObjectStore.keyOf(key.namespace(), key.name()))) {
        live.deleted(lastKnown(key));
        tombstoned++;
      }
    }
    if (tombstoned > 0) {
      LOG.info(
          "Cluster '{}': {} {} object(s) were deleted while not watched; tombstoned",
          cluster.name(),
          tombstoned,
          kind);
    }
  }

  /** What is known of a vanished object: enough to name it for its tombstone. */
  private ObjectNode lastKnown(ResourceKey key) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.put("apiVersion", kind.apiVersion());
    object.put("kind", kind.kind());
    ObjectNode metadata = object.putObject("metadata");
    metadata.put("name", key.name());
    if (!key.namespace().isEmpty()) {
      metadata.put("namespace", key.namespace());
    }
    return object;
  }

  private ResourceKey resourceKey(String storeKey) {
    int slash = storeKey.indexOf('/');
    return ResourceKey.of(
        cluster.name(),
        kind.apiVersion(),
        kind.kind(),
        slash < 0 ? null : storeKey.substring(0, slash),
        slash < 0 ? storeKey : storeKey.substring(slash + 1));
  }

  @Override
  public void close() {
    closed = true;
    for (Scope scope : scopes) {
      try {
        scope.informer.stop();
      } catch (RuntimeException e) {
        // Stopping is best effort on shutdown or before a retry.
      }
    }
  }

  /** One informer (all namespaces, one namespace, or cluster-scoped) with its store. */
  private final class Scope implements ObjectEventHandler.Lists {
    private final SharedIndexInformer<GenericKubernetesResource> informer;
    private final KnownObjectStore store;
    private final Predicate<ResourceKey> inScope;
    // Guarded by KindWatch.this.
    private boolean listed;
    private boolean relisting;

    private Scope(
        FilterWatchListDeletable<
                GenericKubernetesResource,
                GenericKubernetesResourceList,
                Resource<GenericKubernetesResource>>
            resources,
        Predicate<ResourceKey> inScope) {
      this.inScope = inScope;
      this.store = new KnownObjectStore(kind.apiVersion(), kind.kind());
      this.informer = resources.runnableInformer(0);
      informer.itemStore(store);
      // No index is ever queried; fabric8's namespace index would hold every key a second time.
      informer.removeNamespaceIndex();
      // An empty initial state makes the first list a consistent read, not resourceVersion=0
      // from the API server's watch cache, which may lag: the tombstones of objects deleted
      // while not watched are decided on this list.
      informer.initialState(Stream.empty());
      // Before the first list succeeds, fail the start so that ClusterWatcher retries with its own
      // backoff and says so; once running, let fabric8 re-list after a lost watch.
      informer.exceptionHandler((isStarted, error) -> isStarted);
      informer.addEventHandler(
          new ObjectEventHandler(
              cluster.name(), client.getKubernetesSerialization(), live, store, this));
    }

    @Override
    public void relistStarted() {
      KindWatch.this.relistStarted(this);
    }

    @Override
    public void listed(String resourceVersion, boolean first) {
      KindWatch.this.listed(this, resourceVersion, first);
    }
  }
}
