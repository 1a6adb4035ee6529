package io.driftwatch.ingest.cluster.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.model.ResourceKey;
import java.util.Objects;

/**
 * Reads which GitOps reconciler manages an object from the marks the tools stamp on what they
 * apply, for {@link io.driftwatch.model.LiveState#managedBy()}. A pure function of the object as
 * the API server returns it; it must run before bookkeeping annotations are stripped.
 *
 * <p>Marks, first match wins:
 *
 * <ol>
 *   <li>Argo CD's annotation {@code argocd.argoproj.io/tracking-id} ({@code
 *       <app>:<group>/<kind>:<namespace>/<name>}, app written {@code <namespace>_<app>} when the
 *       Application is outside Argo CD's own namespace), only when it names this very object: a
 *       controller copies annotations onto what it creates (a Deployment's onto its ReplicaSets),
 *       and Argo CD itself ignores such copies;
 *   <li>Flux kustomize-controller's labels {@code kustomize.toolkit.fluxcd.io/name} and {@code
 *       /namespace} → the Kustomization;
 *   <li>Flux helm-controller's labels {@code helm.toolkit.fluxcd.io/name} and {@code /namespace} →
 *       the HelmRelease;
 *   <li>OpenChoreo's labels {@code openchoreo.dev/rendered-release-name} and {@code
 *       /rendered-release-namespace} → the RenderedRelease that applied the object;
 *   <li>Argo CD's legacy label tracking, {@code app.kubernetes.io/instance} → the Application of
 *       that name. Helm charts set the same label to their release name, so it is used only when
 *       nothing better marks the object, never on an object a Helm install owns (annotation {@code
 *       meta.helm.sh/release-name}).
 * </ol>
 *
 * <p>Label marks are ignored on an object whose controller owner reference names another object:
 * controllers copy labels from templates onto what they create (Pods carry their Deployment's
 * template labels), and such children are managed by their owner, not by Git.
 */
public final class OwnershipMarks {

  /** Argo CD's resource-tracking annotation; a bookkeeping mark, stripped from the manifest. */
  public static final String ARGO_TRACKING_ID = "argocd.argoproj.io/tracking-id";

  /** Argo CD's legacy tracking label (also Helm's and the Kubernetes recommended label). */
  public static final String ARGO_INSTANCE_LABEL = "app.kubernetes.io/instance";

  /** Argo CD's namespace unless configured otherwise. */
  public static final String DEFAULT_ARGO_NAMESPACE = "argocd";

  private static final String FLUX_KUSTOMIZE = "kustomize.toolkit.fluxcd.io";
  private static final String FLUX_HELM = "helm.toolkit.fluxcd.io";
  private static final String ARGO_GROUP = "argoproj.io";
  private static final String OPENCHOREO = "openchoreo.dev";
  private static final String HELM_RELEASE_ANNOTATION = "meta.helm.sh/release-name";

  private final String argoNamespace;

  /** Marks read with Argo CD in its default namespace, {@value #DEFAULT_ARGO_NAMESPACE}. */
  public OwnershipMarks() {
    this(DEFAULT_ARGO_NAMESPACE);
  }

  /**
   * @param argoNamespace the namespace Argo CD runs in: an Application named in a mark without a
   *     namespace lives there
   */
  public OwnershipMarks(String argoNamespace) {
    Objects.requireNonNull(argoNamespace, "argoNamespace");
    if (argoNamespace.isBlank()) {
      throw new IllegalArgumentException(
          "The Argo CD namespace must not be empty; leave it unset for '"
              + DEFAULT_ARGO_NAMESPACE
              + "'");
    }
    this.argoNamespace = argoNamespace;
  }

  /**
   * The reconciler object that manages {@code object} in {@code cluster}, or null when no mark
   * names one.
   */
  public ResourceKey managedBy(String cluster, JsonNode object) {
    JsonNode metadata = object.path("metadata");
    JsonNode labels = metadata.path("labels");
    JsonNode annotations = metadata.path("annotations");

    ResourceKey tracked = argoTrackingId(cluster, object, text(annotations.get(ARGO_TRACKING_ID)));
    if (tracked != null) {
      return tracked;
    }
    if (hasForeignController(metadata)) {
      return null;
    }
    ResourceKey labelled =
        pair(
            cluster,
            labels,
            FLUX_KUSTOMIZE,
            "Kustomization",
            FLUX_KUSTOMIZE + "/name",
            FLUX_KUSTOMIZE + "/namespace");
    if (labelled == null) {
      labelled =
          pair(
              cluster,
              labels,
              FLUX_HELM,
              "HelmRelease",
              FLUX_HELM + "/name",
              FLUX_HELM + "/namespace");
    }
    if (labelled == null) {
      labelled =
          pair(
              cluster,
              labels,
              OPENCHOREO,
              "RenderedRelease",
              OPENCHOREO + "/rendered-release-name",
              OPENCHOREO + "/rendered-release-namespace");
    }
    if (labelled != null) {
      return labelled;
    }
    String instance = text(labels.get(ARGO_INSTANCE_LABEL));
    if (instance != null && text(annotations.get(HELM_RELEASE_ANNOTATION)) == null) {
      return application(cluster, instance);
    }
    return null;
  }

  /** The Application a tracking id names, when it names this object; else null. */
  private ResourceKey argoTrackingId(String cluster, JsonNode object, String trackingId) {
    if (trackingId == null) {
      return null;
    }
    // <app>:<group>/<kind>:<namespace>/<name>; names never hold ':' or '/', an app name never '_'.
    String[] parts = trackingId.split(":", 3);
    if (parts.length != 3) {
      return null;
    }
    String[] groupKind = parts[1].split("/", -1);
    String[] namespaceName = parts[2].split("/", -1);
    if (groupKind.length != 2 || namespaceName.length != 2) {
      return null;
    }
    String apiVersion = text(object.get("apiVersion"));
    String objectNamespace = object.path("metadata").path("namespace").asText("");
    // A cluster-scoped object carries the Application's destination namespace in its id.
    boolean self =
        apiVersion != null
            && groupKind[0].equals(ResourceKey.groupOf(apiVersion))
            && groupKind[1].equals(text(object.get("kind")))
            && namespaceName[1].equals(text(object.path("metadata").get("name")))
            && (objectNamespace.isEmpty() || objectNamespace.equals(namespaceName[0]));
    return self ? application(cluster, parts[0]) : null;
  }

  /** The Application an instance name means: {@code <namespace>_<app>} or {@code <app>}. */
  private ResourceKey application(String cluster, String instance) {
    int underscore = instance.indexOf('_');
    String namespace = underscore < 0 ? argoNamespace : instance.substring(0, underscore);
    String name = underscore < 0 ? instance : instance.substring(underscore + 1);
    if (namespace.isEmpty() || name.isEmpty()) {
      return null;
    }
    return new ResourceKey(cluster, ARGO_GROUP, "Application", namespace, name);
  }

  private static ResourceKey pair(
      String cluster,
      JsonNode labels,
      String group,
      String kind,
      String nameLabel,
      String namespaceLabel) {
    String name = text(labels.get(nameLabel));
    String namespace = text(labels.get(namespaceLabel));
    return name == null || namespace == null
        ? null
        : new ResourceKey(cluster, group, kind, namespace, name);
  }

  private static boolean hasForeignController(JsonNode metadata) {
    JsonNode owners = metadata.path("ownerReferences");
    if (!owners.isArray()) {
      return false;
    }
    for (JsonNode owner : owners) {
      if (owner.path("controller").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
  }
}
