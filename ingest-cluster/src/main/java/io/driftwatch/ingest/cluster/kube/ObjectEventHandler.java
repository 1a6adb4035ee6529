package io.driftwatch.ingest.cluster.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.cluster.publish.LiveStatePublisher;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one informer's events to the {@link LiveStatePublisher} as JSON trees and tells its {@link
 * Lists} when a list starts and completes. fabric8 calls every method here from one serial queue,
 * in order: a list's additions, updates and deletions come before its {@link #onList}, and {@link
 * #onBeforeList} before them.
 *
 * <p>The informer's store is a {@link KnownObjectStore}, so the old object of an update is a stub:
 * an update is published when its {@link Fingerprint} differs from the one last published for the
 * key, which drops what only moved resourceVersion or managedFields. A deletion fabric8 infers
 * after a re-list (the object was in the store, the new list lacks it) arrives as a stub too, which
 * names the object well enough for its tombstone.
 */
final class ObjectEventHandler implements ResourceEventHandler<GenericKubernetesResource> {

  /** Where the informer's list cycle is reported. */
  interface Lists {
    /** A re-list started: the watch was lost (410 Gone, a failed watch) and events were missed. */
    void relistStarted();

    /**
     * A list (the first or a re-list) has been delivered in full.
     *
     * @param resourceVersion the list's resourceVersion
     * @param first whether it is this informer's first list
     */
    void listed(String resourceVersion, boolean first);
  }

  private static final Logger LOG = LoggerFactory.getLogger(ObjectEventHandler.class);

  private final String cluster;
  private final KubernetesSerialization serialization;
  private final LiveStatePublisher publisher;
  private final KnownObjectStore store;
  private final Lists lists;
  // Only touched from the informer's serial queue.
  private boolean listStarted;
  private boolean listedOnce;

  ObjectEventHandler(
      String cluster,
      KubernetesSerialization serialization,
      LiveStatePublisher publisher,
      KnownObjectStore store,
      Lists lists) {
    this.cluster = cluster;
    this.serialization = serialization;
    this.publisher = publisher;
    this.store = store;
    this.lists = lists;
  }

  @Override
  public void onAdd(GenericKubernetesResource object) {
    JsonNode tree = toTree(object);
    if (tree != null) {
      if (guard(() -> publisher.added(tree), object)) {
        store.published(store.getKey(object), Fingerprint.of(tree));
      }
    }
  }

  @Override
  public void onUpdate(GenericKubernetesResource stub, GenericKubernetesResource newObject) {
    JsonNode tree = toTree(newObject);
    if (tree == null) {
      return;
    }
    String key = store.getKey(newObject);
    Fingerprint fingerprint = Fingerprint.of(tree);
    if (store.lastPublished(key, fingerprint)) {
      return;
    }
    // The old object is a stub, so the publisher is not asked to compare: the fingerprint did.
    if (guard(() -> publisher.updated(null, tree), newObject)) {
      store.published(key, fingerprint);
    }
  }

  @Override
  public void onDelete(GenericKubernetesResource object, boolean deletedFinalStateUnknown) {
    JsonNode tree = toTree(object);
    if (tree != null) {
      // Forgotten even if the tombstone failed: the next observation must publish again.
      store.published(store.getKey(object), null);
      guard(() -> publisher.deleted(tree), object);
    }
  }

  /**
   * fabric8 calls this before its first list and before every re-list; the resourceVersion is null
   * only before the first.
   */
  @Override
  public void onBeforeList(String lastResourceVersion) {
    if (listStarted) {
      guard(lists::relistStarted, null);
    }
    listStarted = true;
  }

  @Override
  public void onList(String resourceVersion, boolean watchList) {
    boolean first = !listedOnce;
    listedOnce = true;
    guard(() -> lists.listed(resourceVersion, first), null);
  }

  private JsonNode toTree(GenericKubernetesResource object) {
    try {
      return serialization.convertValue(object, JsonNode.class);
    } catch (RuntimeException e) {
      publisher.unreadable(
          origin(object), "cannot convert the object to JSON: " + e.getClass().getSimpleName());
      return null;
    }
  }

  /**
   * A failure to publish must not stop the informer's event queue.
   *
   * @return whether {@code publish} completed
   */
  private boolean guard(Runnable publish, GenericKubernetesResource object) {
    try {
      publish.run();
      return true;
    } catch (RuntimeException e) {
      LOG.error(
          "Could not publish {}: {}",
          object == null ? cluster + " (sync marker)" : origin(object),
          e.toString());
      return false;
    }
  }

  private String origin(GenericKubernetesResource object) {
    String namespace =
        object.getMetadata() == null ? "" : nullToEmpty(object.getMetadata().getNamespace());
    String name = object.getMetadata() == null ? "" : nullToEmpty(object.getMetadata().getName());
    return cluster
        + "/"
        + nullToEmpty(object.getApiVersion())
        + "/"
        + nullToEmpty(object.getKind())
        + "/"
        + namespace
        + "/"
        + name;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
