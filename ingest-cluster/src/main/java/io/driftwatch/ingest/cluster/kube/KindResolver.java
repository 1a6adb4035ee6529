package io.driftwatch.ingest.cluster.kube;

import io.driftwatch.ingest.cluster.WatchedKind;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * Turns a configured {@link WatchedKind} into the {@link ResourceDefinitionContext} that a generic
 * informer needs. Plural and scope come from the configuration when given, else from fabric8's
 * model classes (built-in kinds, no request), else from the API server's discovery (custom
 * resources).
 */
public final class KindResolver {

  private KindResolver() {}

  /**
   * Resolves one kind.
   *
   * @throws KindResolutionException when neither the model nor discovery knows the kind, or
   *     discovery fails
   */
  public static ResourceDefinitionContext resolve(
      String cluster, WatchedKind kind, KubernetesClient client) throws KindResolutionException {
    String plural = kind.plural();
    Boolean namespaced = kind.namespaced();
    if (plural == null || namespaced == null) {
      ResourceDefinitionContext known = fromModel(kind, client);
      if (known == null) {
        known = fromDiscovery(cluster, kind, client);
      }
      if (known == null) {
        throw unresolvable(cluster, kind, "the API server does not serve it", null);
      }
      plural = plural == null ? known.getPlural() : plural;
      namespaced = namespaced == null ? known.isNamespaceScoped() : namespaced;
    }
    return new ResourceDefinitionContext.Builder()
        .withGroup(kind.group())
        .withVersion(kind.version())
        .withKind(kind.kind())
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }

  private static ResourceDefinitionContext fromModel(WatchedKind kind, KubernetesClient client) {
    Class<? extends KubernetesResource> type =
        client
            .getKubernetesSerialization()
            .getRegisteredKubernetesResource(kind.apiVersion(), kind.kind());
    if (type == null
        || type == GenericKubernetesResource.class
        || !HasMetadata.class.isAssignableFrom(type)) {
      return null;
    }
    ResourceDefinitionContext context = ResourceDefinitionContext.fromResourceType(type);
    // The model registers a class under several versions; trust it only for the asked kind.
    return kind.kind().equals(context.getKind()) ? context : null;
  }

  private static ResourceDefinitionContext fromDiscovery(
      String cluster, WatchedKind kind, KubernetesClient client) throws KindResolutionException {
    APIResourceList resources;
    try {
      resources = client.getApiResources(kind.apiVersion());
    } catch (RuntimeException e) {
      throw unresolvable(cluster, kind, "discovery failed: " + e.getMessage(), e);
    }
    if (resources == null || resources.getResources() == null) {
      return null;
    }
    for (APIResource resource : resources.getResources()) {
      // Subresources (deployments/scale) share the kind of another resource; skip them.
      if (kind.kind().equals(resource.getKind()) && !resource.getName().contains("/")) {
        return ResourceDefinitionContext.fromApiResource(kind.apiVersion(), resource);
      }
    }
    return null;
  }

  private static KindResolutionException unresolvable(
      String cluster, WatchedKind kind, String why, Throwable cause) {
    return new KindResolutionException(
        "Cluster '"
            + cluster
            + "': cannot infer the plural and scope of apiVersion '"
            + kind.apiVersion()
            + "' kind '"
            + kind.kind()
            + "' ("
            + why
            + "); set `plural` and `namespaced` for this kind in the configuration",
        cause);
  }
}
