package io.driftwatch.drift.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.driftwatch.model.DeploymentStatus;
import io.driftwatch.model.ResourceKey;

/**
 * Which component, of which project, in which environment a workload belongs to. OpenChoreo says it
 * with labels on every object it renders; other workloads are identified by the Kubernetes
 * recommended labels, with the environment taken from the cluster they run in.
 */
public record ComponentIdentity(String environment, String project, String component) {

  /** OpenChoreo's component label. */
  public static final String OPENCHOREO_COMPONENT = "openchoreo.dev/component";

  /** OpenChoreo's environment label. */
  public static final String OPENCHOREO_ENVIRONMENT = "openchoreo.dev/environment";

  /** OpenChoreo's project label. */
  public static final String OPENCHOREO_PROJECT = "openchoreo.dev/project";

  /** The Kubernetes recommended label naming the application, used as the component otherwise. */
  public static final String APP_NAME = "app.kubernetes.io/name";

  /** The Kubernetes recommended label naming the larger application, used as the project. */
  public static final String APP_PART_OF = "app.kubernetes.io/part-of";

  /** {@code <environment>/<project>/<component>}: the rollup key and the deployment-event key. */
  public String id() {
    return DeploymentStatus.componentId(environment, project, component);
  }

  /**
   * The identity of a workload from the labels Git declares for it (live's labels when Git's have
   * none): with {@code openchoreo.dev/component}, component, project and environment from
   * OpenChoreo's labels; otherwise with {@code app.kubernetes.io/name}, that name as the component,
   * {@code app.kubernetes.io/part-of} (else the namespace, else the cluster) as the project. A
   * missing environment label means the cluster's environment. Null when neither component label is
   * there: such a workload has a status of its own but is not rolled up.
   *
   * @param desiredManifest the manifest Git declares; not null
   * @param liveManifest the live manifest, or null
   * @throws IllegalArgumentException when metadata.labels is not an object, or one of the labels
   *     read is not a string or holds a '/'; the message names the label, never its value
   */
  public static ComponentIdentity of(
      ResourceKey key,
      JsonNode desiredManifest,
      JsonNode liveManifest,
      DeploymentSettings settings) {
    JsonNode labels = labels(desiredManifest, "desired");
    if (labels.isEmpty() && liveManifest != null) {
      labels = labels(liveManifest, "live");
    }
    String environment = label(labels, OPENCHOREO_ENVIRONMENT);
    if (environment == null) {
      environment = settings.environmentOf(key.cluster());
    }
    String component = label(labels, OPENCHOREO_COMPONENT);
    String project;
    if (component != null) {
      project = label(labels, OPENCHOREO_PROJECT);
    } else {
      component = label(labels, APP_NAME);
      project = label(labels, APP_PART_OF);
    }
    if (component == null) {
      return null;
    }
    if (project == null) {
      project = key.clusterScoped() ? key.cluster() : key.namespace();
    }
    return new ComponentIdentity(environment, project, component);
  }

  private static JsonNode labels(JsonNode manifest, String side) {
    JsonNode labels = manifest.path("metadata").path("labels");
    if (labels.isMissingNode() || labels.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!labels.isObject()) {
      throw new WorkloadLabelException(side + " metadata.labels is not an object");
    }
    return labels;
  }

  private static String label(JsonNode labels, String name) {
    JsonNode value = labels.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new WorkloadLabelException("label " + name + " is not a string");
    }
    String text = value.textValue().strip();
    if (text.contains("/")) {
      throw new WorkloadLabelException("label " + name + " contains '/', which no label value may");
    }
    return text.isEmpty() ? null : text;
  }
}
