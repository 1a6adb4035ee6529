package io.driftwatch.ingest.cluster.kinds;

import io.driftwatch.ingest.cluster.WatchedKind;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one API server serves, asked through discovery and remembered for one selection: the
 * versions of a group (the preferred one first) and the resources of a group version. A group or
 * version the server does not know is empty, not an error; an unreachable server throws.
 */
final class ServedKinds {

  private final KubernetesClient client;
  private final Map<String, List<String>> versionsByGroup = new HashMap<>();
  private final Map<String, List<APIResource>> resourcesByGroupVersion = new HashMap<>();

  ServedKinds(KubernetesClient client) {
    this.client = client;
  }

  /**
   * The kind as the server serves it, in the group's preferred version when it serves the kind
   * there, else in another version of the group, else in {@code knownApiVersion}.
   *
   * @param knownApiVersion an apiVersion the kind is known under (as Git writes it, or as
   *     driftwatch knows a reconciler kind), tried last; null for none
   * @return empty when the server serves the kind in none of them
   */
  Optional<WatchedKind> find(GroupKind kind, String knownApiVersion) {
    List<String> candidates = new ArrayList<>(versions(kind.group()));
    if (knownApiVersion != null && !candidates.contains(knownApiVersion)) {
      candidates.add(knownApiVersion);
    }
    for (String groupVersion : candidates) {
      for (APIResource resource : resources(groupVersion)) {
        // Subresources (deployments/scale) share the kind of another resource; skip them.
        if (kind.kind().equals(resource.getKind())
            && resource.getName() != null
            && !resource.getName().contains("/")) {
          return Optional.of(
              new WatchedKind(
                  groupVersion,
                  kind.kind(),
                  resource.getName(),
                  Boolean.TRUE.equals(resource.getNamespaced())));
        }
      }
    }
    return Optional.empty();
  }

  /** The group's versions, preferred first; {@code v1} for the core group. */
  private List<String> versions(String group) {
    if (group.isEmpty()) {
      return List.of("v1");
    }
    return versionsByGroup.computeIfAbsent(group, this::discoverVersions);
  }

  private List<String> discoverVersions(String group) {
    APIGroup served;
    try {
      served = client.getApiGroup(group);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return List.of();
      }
      throw e;
    }
    // Only an answer that names the group is one (a server without group discovery may answer
    // something else).
    if (served == null || !group.equals(served.getName()) || served.getVersions() == null) {
      return List.of();
    }
    List<String> versions = new ArrayList<>();
    if (served.getPreferredVersion() != null
        && served.getPreferredVersion().getGroupVersion() != null) {
      versions.add(served.getPreferredVersion().getGroupVersion());
    }
    for (GroupVersionForDiscovery version : served.getVersions()) {
      if (version.getGroupVersion() != null && !versions.contains(version.getGroupVersion())) {
        versions.add(version.getGroupVersion());
      }
    }
    return versions;
  }

  private List<APIResource> resources(String groupVersion) {
    return resourcesByGroupVersion.computeIfAbsent(groupVersion, this::discoverResources);
  }

  private List<APIResource> discoverResources(String groupVersion) {
    APIResourceList list;
    try {
      list = client.getApiResources(groupVersion);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return List.of();
      }
      throw e;
    }
    return list == null || list.getResources() == null ? List.of() : list.getResources();
  }
}
