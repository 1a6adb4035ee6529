package io.driftwatch.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What every stage must agree on about the shape of a Kubernetes object: which metadata and
 * annotations the server or a controller writes (never part of what Git declares), what identifies
 * an object, and what a list of objects is.
 */
public final class KubernetesObjects {

  /** Metadata fields the API server sets on every object. */
  public static final Set<String> SERVER_SET_METADATA =
      Set.of(
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "managedFields",
          "selfLink",
          "deletionTimestamp",
          "deletionGracePeriodSeconds");

  /**
   * Annotations that record how an object was applied, rolled out or tracked, not what it should
   * be. last-applied-configuration repeats the whole object (a Secret's values included); the
   * revision counter moves on every rollout; Argo CD's tracking id says which Application applied
   * the object (ingest-cluster reads it into {@code LiveState.managedBy} first).
   */
  public static final Set<String> BOOKKEEPING_ANNOTATIONS =
      Set.of(
          "kubectl.kubernetes.io/last-applied-configuration",
          "deployment.kubernetes.io/revision",
          "argocd.argoproj.io/tracking-id");

  private KubernetesObjects() {}

  /**
   * The identifying fields a document lacks to be a Kubernetes object ({@code apiVersion}, {@code
   * kind}, {@code metadata.name}), in that order; empty when it has them all.
   */
  public static List<String> missingIdentity(JsonNode document) {
    List<String> missing = new ArrayList<>(3);
    if (!nonBlankText(document.get("apiVersion"))) {
      missing.add("apiVersion");
    }
    if (!nonBlankText(document.get("kind"))) {
      missing.add("kind");
    }
    if (!nonBlankText(document.path("metadata").get("name"))) {
      missing.add("metadata.name");
    }
    return missing;
  }

  /**
   * True for a list of objects as kubectl prints or accepts it: {@code kind: List}, or a typed list
   * such as {@code ConfigMapList} with an apiVersion, holding {@code items}.
   */
  public static boolean isList(JsonNode document) {
    String kind = document.path("kind").asText("");
    return document.path("items").isArray()
        && (kind.equals("List") || (kind.endsWith("List") && document.has("apiVersion")));
  }

  private static boolean nonBlankText(JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isBlank();
  }
}
