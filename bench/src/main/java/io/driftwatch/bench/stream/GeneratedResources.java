package io.driftwatch.bench.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.bench.BenchManifests;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceOrigin;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import java.time.Instant;
import java.util.List;

/**
 * The resources of the benchmark, built deterministically from {@link BenchManifests#deployment()}:
 * resource {@code i} is Deployment {@code api-<i>} in one of 50 namespaces of one cluster, desired
 * as kustomize renders it, live as ingest-cluster publishes it (server metadata stripped, status
 * and managedFields carried apart). Desired and live are in sync; {@link #live(int, int)} with
 * other replicas makes one {@code /spec/replicas} drift.
 */
final class GeneratedResources {

  static final String CLUSTER = "bench";
  static final String SOURCE = "bench-fleet";
  static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
  static final int DESIRED_REPLICAS = 2;
  private static final int NAMESPACES = 50;
  private static final Instant COMMIT_TIME = Instant.parse("2026-11-20T08:00:00Z");

  private final ObjectNode desired;
  private final ObjectNode liveManifest;
  private final ObjectNode liveStatus;
  private final ArrayNode managedFields;

  GeneratedResources() {
    BenchManifests.Pair pair = BenchManifests.deployment();
    this.desired = pair.desired();
    ObjectNode live = pair.live().deepCopy();
    this.liveStatus = (ObjectNode) live.remove("status");
    ObjectNode metadata = (ObjectNode) live.get("metadata");
    this.managedFields = (ArrayNode) metadata.remove("managedFields");
    for (String serverSet :
        List.of("uid", "resourceVersion", "generation", "creationTimestamp", "selfLink")) {
      metadata.remove(serverSet);
    }
    this.liveManifest = live;
  }

  static String namespace(int i) {
    return String.format("team-%02d", i % NAMESPACES);
  }

  static String name(int i) {
    return "api-" + i;
  }

  static ResourceKey key(int i) {
    return ResourceKey.of(CLUSTER, "apps/v1", "Deployment", namespace(i), name(i));
  }

  DesiredState desired(int i) {
    return DesiredState.of(
        key(i),
        SOURCE,
        COMMIT,
        COMMIT_TIME,
        "overlays/" + namespace(i) + "/" + name(i) + ".yaml",
        named(desired, i),
        "Bench Author <bench@example.com>",
        "Roll out api",
        null);
  }

  /** Resource {@code i} as observed, with {@code replicas} in its spec. */
  LiveState live(int i, int replicas) {
    ObjectNode manifest = named(liveManifest, i);
    ((ObjectNode) manifest.get("spec")).put("replicas", replicas);
    return LiveState.of(
        key(i),
        Integer.toString(1_000_000 + i),
        Instant.now(),
        manifest,
        liveStatus,
        managedFields);
  }

  /**
   * The SYNCED source statuses that make every resource judgeable: the Git source and the cluster's
   * Deployments, observed a few seconds ago.
   */
  static List<SourceStatus> syncedSources(int resources) {
    Instant observedAt = Instant.now().minusSeconds(5);
    return List.of(
        SourceStatus.of(
            SourceStatus.gitSource(SOURCE),
            SourceOrigin.GIT,
            SourcePhase.SYNCED,
            COMMIT,
            resources,
            observedAt,
            null),
        SourceStatus.of(
            SourceStatus.clusterSource(CLUSTER, "apps", "Deployment"),
            SourceOrigin.CLUSTER,
            SourcePhase.SYNCED,
            "1",
            resources,
            observedAt,
            null));
  }

  private static ObjectNode named(ObjectNode template, int i) {
    ObjectNode copy = template.deepCopy();
    ObjectNode metadata = (ObjectNode) copy.get("metadata");
    metadata.put("name", name(i)).put("namespace", namespace(i));
    // Each Deployment is its own component, as in a fleet: one name label shared by thousands
    // of Deployments would be one component far past the rollup's limit.
    if (metadata.path("labels").has("app.kubernetes.io/name")) {
      ((ObjectNode) metadata.get("labels")).put("app.kubernetes.io/name", name(i));
    }
    return copy;
  }
}
