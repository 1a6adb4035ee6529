package io.driftwatch.diff.schema;

import static io.driftwatch.diff.schema.SchemaNode.QUANTITY;
import static io.driftwatch.diff.schema.SchemaNode.list;
import static io.driftwatch.diff.schema.SchemaNode.listMap;
import static io.driftwatch.diff.schema.SchemaNode.mapOf;
import static io.driftwatch.diff.schema.SchemaNode.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The quantity locations and list-map merge keys of the built-in kinds (docs/drift-semantics.md §3
 * and §5), keyed by API group and kind; the API version does not matter.
 */
public final class BuiltinSchemas {

  /** The protocol the API server assumes for a port that names none. */
  public static final String DEFAULT_PROTOCOL = "TCP";

  /** The toleration operator the API server assumes when none is given. */
  public static final String DEFAULT_TOLERATION_OPERATOR = "Equal";

  /**
   * Defaults of list-map key fields that hold wherever the field appears, for matching a
   * managedFields key ({@code k:{...}}) that spells out a value the manifest left to the server.
   */
  public static final Map<String, String> KEY_FIELD_DEFAULTS = Map.of("protocol", DEFAULT_PROTOCOL);

  private static final SchemaNode QUANTITIES = mapOf(QUANTITY);

  private static final SchemaNode RESOURCES =
      object(Map.of("limits", QUANTITIES, "requests", QUANTITIES));

  private static final ListKey BY_NAME = ListKey.of("name");

  private static final SchemaNode CONTAINER =
      object(
          Map.of(
              "resources", RESOURCES,
              "ports",
                  listMap(
                      ListKey.of("containerPort", "protocol")
                          .withDefault("protocol", DEFAULT_PROTOCOL),
                      null),
              "env", listMap(BY_NAME, null),
              "volumeMounts", listMap(ListKey.of("mountPath"), null),
              "volumeDevices", listMap(ListKey.of("devicePath"), null)));

  private static final SchemaNode CONTAINERS = listMap(BY_NAME, CONTAINER);

  private static final SchemaNode POD_SPEC =
      object(
          Map.ofEntries(
              Map.entry("containers", CONTAINERS),
              Map.entry("initContainers", CONTAINERS),
              Map.entry("ephemeralContainers", CONTAINERS),
              Map.entry("resources", RESOURCES),
              Map.entry("overhead", QUANTITIES),
              Map.entry(
                  "volumes",
                  listMap(
                      BY_NAME, object(Map.of("emptyDir", object(Map.of("sizeLimit", QUANTITY)))))),
              Map.entry("imagePullSecrets", listMap(BY_NAME, null)),
              Map.entry("resourceClaims", listMap(BY_NAME, null)),
              Map.entry("schedulingGates", listMap(BY_NAME, null)),
              Map.entry("hostAliases", listMap(ListKey.of("ip"), null)),
              Map.entry(
                  "topologySpreadConstraints",
                  listMap(ListKey.of("topologyKey", "whenUnsatisfiable"), null)),
              Map.entry("readinessGates", listMap(ListKey.of("conditionType"), null)),
              Map.entry(
                  "tolerations",
                  listMap(
                      ListKey.of("key", "operator", "effect")
                          .withDefault("operator", DEFAULT_TOLERATION_OPERATOR),
                      null))));

  private static final SchemaNode POD_TEMPLATE = object(Map.of("spec", POD_SPEC));

  private static final SchemaNode TEMPLATED_WORKLOAD =
      object(Map.of("spec", object(Map.of("template", POD_TEMPLATE))));

  private static final Map<String, SchemaNode> BY_GROUP_KIND = new HashMap<>();

  static {
    define("", "Pod", object(Map.of("spec", POD_SPEC)));
    define("", "PodTemplate", object(Map.of("template", POD_TEMPLATE)));
    define("", "ReplicationController", TEMPLATED_WORKLOAD);
    for (String group : new String[] {"apps", "extensions"}) {
      define(group, "Deployment", TEMPLATED_WORKLOAD);
      define(group, "DaemonSet", TEMPLATED_WORKLOAD);
      define(group, "ReplicaSet", TEMPLATED_WORKLOAD);
    }
    define(
        "apps",
        "StatefulSet",
        object(
            Map.of(
                "spec",
                object(
                    Map.of(
                        "template",
                        POD_TEMPLATE,
                        "volumeClaimTemplates",
                        list(object(Map.of("spec", object(Map.of("resources", RESOURCES))))))))));
    define("batch", "Job", TEMPLATED_WORKLOAD);
    define(
        "batch",
        "CronJob",
        object(
            Map.of(
                "spec",
                object(
                    Map.of(
                        "jobTemplate",
                        object(Map.of("spec", object(Map.of("template", POD_TEMPLATE)))))))));
    define(
        "",
        "PersistentVolumeClaim",
        object(Map.of("spec", object(Map.of("resources", RESOURCES)))));
    define("", "PersistentVolume", object(Map.of("spec", object(Map.of("capacity", QUANTITIES)))));
    define("", "ResourceQuota", object(Map.of("spec", object(Map.of("hard", QUANTITIES)))));
    define(
        "",
        "LimitRange",
        object(
            Map.of(
                "spec",
                object(
                    Map.of(
                        "limits",
                        list(
                            object(
                                Map.of(
                                    "max", QUANTITIES,
                                    "min", QUANTITIES,
                                    "default", QUANTITIES,
                                    "defaultRequest", QUANTITIES,
                                    "maxLimitRequestRatio", QUANTITIES))))))));
    define(
        "",
        "Service",
        object(
            Map.of(
                "spec",
                object(
                    Map.of(
                        "ports",
                        listMap(
                            ListKey.of("port", "protocol")
                                .withDefault("protocol", DEFAULT_PROTOCOL),
                            null))))));
  }

  private BuiltinSchemas() {}

  private static void define(String group, String kind, SchemaNode schema) {
    BY_GROUP_KIND.put(group + "/" + kind, schema);
  }

  /**
   * The schema of the object {@code manifest} describes (by its apiVersion's group and its kind),
   * or null for a kind with no built-in knowledge.
   */
  public static SchemaNode forManifest(JsonNode manifest) {
    if (manifest == null) {
      return null;
    }
    String apiVersion = manifest.path("apiVersion").asText("");
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return forKind(group, manifest.path("kind").asText(""));
  }

  /**
   * The schema of a kind in an API group ("" for the core group), or null when none is built in.
   */
  public static SchemaNode forKind(String group, String kind) {
    return BY_GROUP_KIND.get(group + "/" + kind);
  }
}
