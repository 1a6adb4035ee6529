package io.driftwatch.ingest.cluster.reconcile;

import static io.driftwatch.ingest.cluster.reconcile.ObservedReconciler.at;
import static io.driftwatch.ingest.cluster.reconcile.ObservedReconciler.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.cluster.normalize.MalformedObjectException;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ReconcilerStatus.ReadyState;
import io.driftwatch.model.ReconcilerStatus.ReconcilerTool;
import io.driftwatch.model.ResourceKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Argo CD Applications. Argo CD has no Ready condition: readiness combines its error conditions,
 * the last sync operation, health and sync status, first match wins:
 *
 * <ol>
 *   <li>a condition whose type ends in {@code Error} (ComparisonError, InvalidSpecError, ...):
 *       FALSE, reason = that type;
 *   <li>the last operation {@code Failed} or {@code Error}: FALSE, reason {@code SyncFailed} or
 *       {@code SyncError}, with the operation's message;
 *   <li>an operation {@code Running} or {@code Terminating}: UNKNOWN, reason {@code Syncing};
 *   <li>health {@code Degraded}: FALSE, reason {@code Degraded};
 *   <li>health {@code Missing}, sync {@code OutOfSync}, health {@code Progressing} or {@code
 *       Suspended}: UNKNOWN with that word as reason (not a failure: with automated sync it is the
 *       moment before a sync, with manual sync the wait for a person);
 *   <li>{@code Synced} and {@code Healthy}: TRUE, reason {@code Healthy};
 *   <li>anything else: UNKNOWN.
 * </ol>
 *
 * <p>Argo CD has no suspend switch, so {@code suspended} is false, and no observedGeneration.
 */
final class ArgoApplicationNormalizer implements KindNormalizer {

  private static final String IN_CLUSTER_SERVER = "https://kubernetes.default.svc";
  private static final String IN_CLUSTER_NAME = "in-cluster";

  @Override
  public ReconcilerStatus normalize(ObservedReconciler reconciler) throws MalformedObjectException {
    JsonNode status = reconciler.status();
    List<ObservedCondition> conditions = conditions(reconciler);
    return reconciler.toStatus(
        ReconcilerTool.ARGO_CD,
        verdict(reconciler, conditions),
        false,
        appliedRevision(reconciler),
        attemptedRevision(status),
        null,
        Conditions.published(conditions),
        inventory(reconciler));
  }

  /**
   * Argo CD conditions carry a type, a message and a time, and are present only while they hold:
   * each is published with status {@code True}.
   */
  private static List<ObservedCondition> conditions(ObservedReconciler reconciler)
      throws MalformedObjectException {
    List<JsonNode> entries =
        reconciler.array(reconciler.status().get("conditions"), "status.conditions");
    List<ObservedCondition> conditions = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      if (!entry.isObject()) {
        throw reconciler.malformed("status.conditions[" + i + "] is not an object");
      }
      String type = text(entry.get("type"));
      if (type != null) {
        conditions.add(
            new ObservedCondition(
                type,
                "True",
                null,
                text(entry.get("message")),
                Conditions.time(entry.get("lastTransitionTime")),
                null));
      }
    }
    return conditions;
  }

  private static Verdict verdict(ObservedReconciler reconciler, List<ObservedCondition> conditions)
      throws MalformedObjectException {
    for (ObservedCondition condition : conditions) {
      if (condition.type().endsWith("Error")) {
        return new Verdict(ReadyState.FALSE, condition.type(), condition.message());
      }
    }
    JsonNode status = reconciler.status();
    String phase = text(at(status, "operationState", "phase"));
    String operationMessage = text(at(status, "operationState", "message"));
    if ("Failed".equals(phase) || "Error".equals(phase)) {
      return new Verdict(ReadyState.FALSE, "Sync" + phase, operationMessage);
    }
    if ("Running".equals(phase) || "Terminating".equals(phase)) {
      return new Verdict(ReadyState.UNKNOWN, "Syncing", operationMessage);
    }
    String health = text(at(status, "health", "status"));
    String sync = text(at(status, "sync", "status"));
    if ("Degraded".equals(health)) {
      return new Verdict(ReadyState.FALSE, health, degradedMessage(reconciler));
    }
    if ("Missing".equals(health)) {
      return new Verdict(ReadyState.UNKNOWN, health, text(at(status, "health", "message")));
    }
    if ("OutOfSync".equals(sync)) {
      return new Verdict(ReadyState.UNKNOWN, sync, null);
    }
    if ("Progressing".equals(health) || "Suspended".equals(health)) {
      return new Verdict(ReadyState.UNKNOWN, health, text(at(status, "health", "message")));
    }
    if ("Synced".equals(sync) && "Healthy".equals(health)) {
      return new Verdict(ReadyState.TRUE, health, null);
    }
    if (health == null && sync == null) {
      return Verdict.NOT_REPORTED;
    }
    return new Verdict(ReadyState.UNKNOWN, "Unknown", null);
  }

  /**
   * The Application's own health message (older Argo CD versions), else the first Degraded resource
   * as {@code <Kind>/<name>: <message>}.
   */
  private static String degradedMessage(ObservedReconciler reconciler)
      throws MalformedObjectException {
    String own = text(at(reconciler.status(), "health", "message"));
    if (own != null) {
      return own;
    }
    for (JsonNode resource :
        reconciler.array(reconciler.status().get("resources"), "status.resources")) {
      if ("Degraded".equals(text(at(resource, "health", "status")))) {
        String message = text(at(resource, "health", "message"));
        return text(resource.get("kind"))
            + "/"
            + text(resource.get("name"))
            + (message == null ? " is Degraded" : ": " + message);
      }
    }
    return null;
  }

  /**
   * While Synced, the revision compared with is live; otherwise it is the newer revision not yet
   * applied, and the last successful sync is the newest entry of {@code status.history}.
   */
  private static String appliedRevision(ObservedReconciler reconciler)
      throws MalformedObjectException {
    JsonNode sync = at(reconciler.status(), "sync");
    if ("Synced".equals(text(sync.get("status")))) {
      return firstRevision(sync);
    }
    List<JsonNode> history = reconciler.array(reconciler.status().get("history"), "status.history");
    return history.isEmpty() ? null : firstRevision(history.get(history.size() - 1));
  }

  /**
   * The revision of the last sync operation: its result, or what it was asked for while it has no
   * result yet.
   */
  private static String attemptedRevision(JsonNode status) {
    String result = firstRevision(at(status, "operationState", "syncResult"));
    return result != null
        ? result
        : firstRevision(at(status, "operationState", "operation", "sync"));
  }

  /** {@code revision}, or the first of {@code revisions} for a multi-source Application. */
  private static String firstRevision(JsonNode node) {
    String revision = text(node.get("revision"));
    if (revision != null) {
      return revision;
    }
    JsonNode revisions = node.path("revisions");
    return revisions.isArray() && !revisions.isEmpty() ? text(revisions.get(0)) : null;
  }

  /**
   * {@code status.resources} as resource keys, when the Application deploys to its own cluster
   * ({@code spec.destination} is {@code https://kubernetes.default.svc} or {@code in-cluster});
   * objects of another cluster cannot be named from here. Hook resources are left out: they are run
   * and deleted by the sync, not kept.
   */
  private static List<ResourceKey> inventory(ObservedReconciler reconciler)
      throws MalformedObjectException {
    JsonNode destination = at(reconciler.spec(), "destination");
    String server = text(destination.get("server"));
    String name = text(destination.get("name"));
    boolean local =
        (server == null || IN_CLUSTER_SERVER.equals(server))
            && (name == null || IN_CLUSTER_NAME.equals(name));
    if (!local) {
      return List.of();
    }
    List<JsonNode> resources =
        reconciler.array(reconciler.status().get("resources"), "status.resources");
    List<ResourceKey> keys = new ArrayList<>(resources.size());
    for (int i = 0; i < resources.size(); i++) {
      JsonNode resource = resources.get(i);
      if (resource.path("hook").asBoolean(false)) {
        continue;
      }
      String kind = text(resource.get("kind"));
      String resourceName = text(resource.get("name"));
      if (kind == null || resourceName == null) {
        throw reconciler.malformed("status.resources[" + i + "] has no kind or name");
      }
      keys.add(
          new ResourceKey(
              reconciler.cluster(),
              text(resource.get("group")),
              kind,
              text(resource.get("namespace")),
              resourceName));
    }
    return keys;
  }
}
