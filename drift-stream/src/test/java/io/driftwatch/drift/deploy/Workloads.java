package io.driftwatch.drift.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.Json;
import java.time.Instant;
import java.util.Map;

/**
 * Deployments as Git declares them and as ingest-cluster publishes them, at the points of a rollout
 * that deployment status tells apart.
 */
final class Workloads {

  static final int REPLICAS = 3;

  private Workloads() {}

  /** The resource key of Deployment {@code namespace/name} in {@code cluster}. */
  static ResourceKey deployment(String cluster, String namespace, String name) {
    return ResourceKey.of(cluster, "apps/v1", "Deployment", namespace, name);
  }

  /** OpenChoreo's labels for a component of a project in an environment. */
  static Map<String, String> openChoreo(String project, String component, String environment) {
    return Map.of(
        ComponentIdentity.OPENCHOREO_PROJECT, project,
        ComponentIdentity.OPENCHOREO_COMPONENT, component,
        ComponentIdentity.OPENCHOREO_ENVIRONMENT, environment);
  }

  /** The desired Deployment at {@code commit}, running {@code image}. */
  static DesiredState desired(
      ResourceKey key,
      Map<String, String> labels,
      String image,
      String commit,
      Instant commitTime) {
    return DesiredState.of(
        key,
        "shop-gitops",
        commit,
        commitTime,
        "apps/" + key.name() + ".yaml",
        manifest(key, labels, image, false),
        "Ada Lovelace <ada@example.com>",
        "roll out " + image,
        null);
  }

  /** The live Deployment running {@code image}, with {@code status}, observed at {@code at}. */
  static LiveState live(
      ResourceKey key,
      Map<String, String> labels,
      String image,
      long generation,
      ObjectNode status,
      Instant at) {
    return LiveState.of(
            key, "rv-" + generation, at, manifest(key, labels, image, true), status, null)
        .withLifecycle(generation, null);
  }

  /** A status with the controller at {@code generation}, {@code updated} of 3 replicas updated. */
  static ObjectNode rollingOut(long generation, int updated) {
    ObjectNode status = Json.mapper().createObjectNode();
    status
        .put("observedGeneration", generation)
        .put("replicas", REPLICAS)
        .put("updatedReplicas", updated)
        .put("availableReplicas", REPLICAS - 1);
    status
        .putArray("conditions")
        .addObject()
        .put("type", "Progressing")
        .put("status", "True")
        .put("reason", "ReplicaSetUpdated");
    return status;
  }

  /** A status with every replica updated and available at {@code generation}. */
  static ObjectNode available(long generation) {
    ObjectNode status = Json.mapper().createObjectNode();
    status
        .put("observedGeneration", generation)
        .put("replicas", REPLICAS)
        .put("updatedReplicas", REPLICAS)
        .put("readyReplicas", REPLICAS)
        .put("availableReplicas", REPLICAS);
    status
        .putArray("conditions")
        .addObject()
        .put("type", "Progressing")
        .put("status", "True")
        .put("reason", "NewReplicaSetAvailable");
    return status;
  }

  /** A status whose rollout at {@code generation} ran past its progress deadline. */
  static ObjectNode deadlineExceeded(long generation) {
    ObjectNode status = rollingOut(generation, 1);
    ((ObjectNode) status.get("conditions").get(0))
        .put("status", "False")
        .put("reason", "ProgressDeadlineExceeded")
        .put("message", "ReplicaSet \"web-7d9\" has timed out progressing.");
    return status;
  }

  private static ObjectNode manifest(
      ResourceKey key, Map<String, String> labels, String image, boolean asLive) {
    ObjectNode manifest = Json.mapper().createObjectNode();
    manifest.put("apiVersion", "apps/v1").put("kind", "Deployment");
    ObjectNode metadata = manifest.putObject("metadata");
    metadata.put("name", key.name()).put("namespace", key.namespace());
    if (!labels.isEmpty()) {
      ObjectNode labelNode = metadata.putObject("labels");
      labels.forEach(labelNode::put);
    }
    ObjectNode spec = manifest.putObject("spec").put("replicas", REPLICAS);
    if (asLive) {
      // Defaults the API server adds: live has them, Git does not, and that is not drift.
      spec.put("progressDeadlineSeconds", 600).put("revisionHistoryLimit", 10);
    }
    spec.putObject("selector").putObject("matchLabels").put("app", key.name());
    ObjectNode template = spec.putObject("template");
    template.putObject("metadata").putObject("labels").put("app", key.name());
    ObjectNode container =
        template.putObject("spec").putArray("containers").addObject().put("name", "app");
    container.put("image", image);
    if (asLive) {
      container.put("imagePullPolicy", "IfNotPresent");
    }
    return manifest;
  }
}
