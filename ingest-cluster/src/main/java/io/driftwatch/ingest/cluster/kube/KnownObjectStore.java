package io.driftwatch.ingest.cluster.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The informer store of one kind in one scope, without the objects: per object only its key ({@code
 * namespace/name}), its resourceVersion and the fingerprint of what was last published for it. That
 * is all fabric8's informer needs to run list and watch (an UPDATE only when the resourceVersion
 * moved; after a re-list, a delete for each key the list no longer holds) and all the pipeline
 * needs to drop updates that change nothing it publishes.
 *
 * <p>What the informer reads back from the store (the old object of an update, the last state of an
 * object deleted while the watch was down) is a stub holding apiVersion, kind, namespace, name and
 * resourceVersion: enough to name the object and tombstone it, never its content.
 */
public final class KnownObjectStore implements ItemStore<GenericKubernetesResource> {

  private final String apiVersion;
  private final String kind;
  private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();

  /**
   * @param apiVersion the apiVersion the informer watches, written into the stubs it reads back
   * @param kind the kind the informer watches
   */
  public KnownObjectStore(String apiVersion, String kind) {
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** The store key of an object: {@code namespace/name}, or {@code name} when cluster-scoped. */
  public static String keyOf(String namespace, String name) {
    return Cache.namespaceKeyFunc(
        namespace == null || namespace.isEmpty() ? null : namespace, name);
  }

  @Override
  public String getKey(GenericKubernetesResource object) {
    return Cache.metaNamespaceKeyFunc(object);
  }

  /**
   * Records the object's resourceVersion. An entry is kept in place across updates, so the
   * fingerprint of what was last published for the key survives until the object is deleted.
   */
  @Override
  public GenericKubernetesResource put(String key, GenericKubernetesResource object) {
    String resourceVersion = object.getMetadata().getResourceVersion();
    Known previous = known.putIfAbsent(key, new Known(resourceVersion));
    if (previous == null) {
      return null;
    }
    String previousVersion = previous.resourceVersion;
    previous.resourceVersion = resourceVersion;
    return stub(key, previousVersion);
  }

  @Override
  public GenericKubernetesResource remove(String key) {
    Known removed = known.remove(key);
    return removed == null ? null : stub(key, removed.resourceVersion);
  }

  @Override
  public Stream<String> keySet() {
    return known.keySet().stream();
  }

  @Override
  public Stream<GenericKubernetesResource> values() {
    return known.entrySet().stream().map(e -> stub(e.getKey(), e.getValue().resourceVersion));
  }

  @Override
  public int size() {
    return known.size();
  }

  @Override
  public GenericKubernetesResource get(String key) {
    Known entry = known.get(key);
    return entry == null ? null : stub(key, entry.resourceVersion);
  }

  /** Not the full objects: fabric8 then hands each addition over at once, not after the list. */
  @Override
  public boolean isFullState() {
    return false;
  }

  /** Whether an object is held under this key. */
  public boolean contains(String key) {
    return known.containsKey(key);
  }

  /**
   * Whether {@code fingerprint} is that of what was last published for the object under {@code
   * key}. False when nothing was recorded since the object (re)appeared.
   */
  boolean lastPublished(String key, Fingerprint fingerprint) {
    Known entry = known.get(key);
    return entry != null && entry.high == fingerprint.high() && entry.low == fingerprint.low();
  }

  /**
   * Records the fingerprint of what was just published for the key, or forgets it (null) after a
   * tombstone. Only the informer's event handler calls this, from its one serial queue.
   */
  void published(String key, Fingerprint fingerprint) {
    Known entry = known.get(key);
    if (entry != null) {
      entry.high = fingerprint == null ? 0 : fingerprint.high();
      entry.low = fingerprint == null ? 0 : fingerprint.low();
    }
  }

  private GenericKubernetesResource stub(String key, String resourceVersion) {
    int slash = key.indexOf('/');
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(apiVersion)
        .withKind(kind)
        .withNewMetadata()
        .withNamespace(slash < 0 ? null : key.substring(0, slash))
        .withName(slash < 0 ? key : key.substring(slash + 1))
        .withResourceVersion(resourceVersion)
        .endMetadata()
        .build();
  }

  /**
   * One object: its resourceVersion (written by the informer's reflector) and the 128-bit
   * fingerprint last published (written by the event handler; zero when none).
   */
  private static final class Known {
    private volatile String resourceVersion;
    private volatile long high;
    private volatile long low;

    private Known(String resourceVersion) {
      this.resourceVersion = resourceVersion;
    }
  }
}
