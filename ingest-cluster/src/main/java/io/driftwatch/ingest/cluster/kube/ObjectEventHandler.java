package io.driftwatch.ingest.cluster.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.cluster.publish.LiveStatePublisher;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one informer's events to the {@link LiveStatePublisher} as JSON trees and reports when the
 * informer's initial list has been delivered. fabric8 calls {@link #onList} on the same serial
 * queue as the events, after the list's additions, so the sync marker follows the objects it
 * counts.
 */
final class ObjectEventHandler implements ResourceEventHandler<GenericKubernetesResource> {

  private static final Logger LOG = LoggerFactory.getLogger(ObjectEventHandler.class);

  private final String cluster;
  private final KubernetesSerialization serialization;
  private final LiveStatePublisher publisher;
  private final BiConsumer<String, Long> onInitialList;
  private final AtomicBoolean listed = new AtomicBoolean();
  private long addedBeforeList;

  /**
   * @param onInitialList called once with the list's resourceVersion and the number of objects it
   *     held
   */
  ObjectEventHandler(
      String cluster,
      KubernetesSerialization serialization,
      LiveStatePublisher publisher,
      BiConsumer<String, Long> onInitialList) {
    this.cluster = cluster;
    this.serialization = serialization;
    this.publisher = publisher;
    this.onInitialList = onInitialList;
  }

  @Override
  public void onAdd(GenericKubernetesResource object) {
    if (!listed.get()) {
      addedBeforeList++;
    }
    JsonNode tree = toTree(object);
    if (tree != null) {
      guard(() -> publisher.added(tree), object);
    }
  }

  @Override
  public void onUpdate(GenericKubernetesResource oldObject, GenericKubernetesResource newObject) {
    JsonNode tree = toTree(newObject);
    if (tree != null) {
      JsonNode previous = oldObject == null ? null : toTree(oldObject);
      guard(() -> publisher.updated(previous, tree), newObject);
    }
  }

  @Override
  public void onDelete(GenericKubernetesResource object, boolean deletedFinalStateUnknown) {
    JsonNode tree = toTree(object);
    if (tree != null) {
      guard(() -> publisher.deleted(tree), object);
    }
  }

  @Override
  public void onList(String resourceVersion, boolean watchList) {
    if (listed.compareAndSet(false, true)) {
      onInitialList.accept(resourceVersion, addedBeforeList);
    }
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

  /** A failure to publish one object must not stop the informer's event queue. */
  private void guard(Runnable publish, GenericKubernetesResource object) {
    try {
      publish.run();
    } catch (RuntimeException e) {
      LOG.error("Could not publish {}: {}", origin(object), e.toString());
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
