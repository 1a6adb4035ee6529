package io.driftwatch.diff.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.driftwatch.diff.normalize.SopsMarkers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What the cluster does to a manifest, simulated for property tests: adds what an API server,
 * controllers and webhooks add (server metadata, status, defaults, annotations, labels, sidecar
 * items), reorders list-maps, or changes one declared leaf. Knows the list-maps of §5 of
 * docs/drift-semantics.md and nothing else about the engine.
 */
final class ManifestMutations {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final Set<String> CONTAINER_LISTS =
      Set.of("containers", "initContainers", "ephemeralContainers");

  private static final Set<String> LIST_MAPS =
      Set.of(
          "containers",
          "initContainers",
          "ephemeralContainers",
          "env",
          "volumes",
          "imagePullSecrets",
          "resourceClaims",
          "schedulingGates",
          "volumeMounts",
          "volumeDevices",
          "hostAliases",
          "topologySpreadConstraints",
          "readinessGates",
          "tolerations");

  /** Fields that make up list-map keys: changing one changes which item it is, not a leaf. */
  private static final Set<String> KEY_FIELDS =
      Set.of(
          "name",
          "mountPath",
          "devicePath",
          "containerPort",
          "port",
          "protocol",
          "ip",
          "topologyKey",
          "whenUnsatisfiable",
          "conditionType",
          "key",
          "operator",
          "effect");

  /** Paths the rules never compare (identity, server metadata, status, bookkeeping). */
  private static final List<String> NOT_COMPARED =
      List.of(
          "/apiVersion",
          "/kind",
          "/metadata/name",
          "/metadata/namespace",
          "/metadata/uid",
          "/metadata/resourceVersion",
          "/metadata/generation",
          "/metadata/creationTimestamp",
          "/metadata/selfLink",
          "/metadata/deletionTimestamp",
          "/metadata/deletionGracePeriodSeconds",
          "/metadata/managedFields",
          "/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration",
          "/metadata/annotations/deployment.kubernetes.io~1revision",
          "/metadata/annotations/driftwatch.io~1ignore",
          "/status",
          "/stringData");

  private ManifestMutations() {}

  /** A scalar leaf of a manifest. */
  record Leaf(String pointer, JsonNode value) {}

  /** A list whose items the built-in schemas key by merge keys. */
  record ListMap(String pointer, ArrayNode items) {}

  static boolean isBuiltIn(JsonNode manifest) {
    String apiVersion = manifest.path("apiVersion").asText();
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return !group.contains(".") || group.endsWith(".k8s.io");
  }

  static boolean optedOut(JsonNode manifest) {
    return "true".equals(manifest.at("/metadata/annotations/driftwatch.io~1ignore").asText());
  }

  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /**
   * The non-empty scalar leaves a change of which must be reported at their own path: compared
   * fields, not null, not "", not a list-map key.
   */
  static List<Leaf> comparedLeaves(JsonNode manifest) {
    List<Leaf> out = new ArrayList<>();
    collectLeaves(manifest, "", out);
    out.removeIf(leaf -> NOT_COMPARED.stream().anyMatch(p -> under(leaf.pointer(), p)));
    // A SOPS marker stands for a value driftwatch cannot read: only its presence is compared.
    out.removeIf(leaf -> SopsMarkers.isMarker(leaf.value()));
    return out;
  }

  private static void collectLeaves(JsonNode node, String pointer, List<Leaf> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        collectLeaves(e.getValue(), pointer + "/" + escape(e.getKey()), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        if (!item.isObject()) {
          collectLeaves(item, pointer + "/" + i, out);
          continue;
        }
        for (Map.Entry<String, JsonNode> e : item.properties()) {
          if (!(e.getValue().isValueNode() && KEY_FIELDS.contains(e.getKey()))) {
            collectLeaves(e.getValue(), pointer + "/" + i + "/" + escape(e.getKey()), out);
          }
        }
      }
    } else if (!node.isNull() && !(node.isTextual() && node.asText().isEmpty())) {
      out.add(new Leaf(pointer, node));
    }
  }

  private static boolean under(String pointer, String prefix) {
    return pointer.equals(prefix) || pointer.startsWith(prefix + "/");
  }

  /** A different value of the same JSON type, still a valid quantity when the original was one. */
  static JsonNode changed(JsonNode value) {
    if (value.isBoolean()) {
      return BooleanNode.valueOf(!value.asBoolean());
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToInt()
          ? IntNode.valueOf(value.asInt() + 1)
          : LongNode.valueOf(value.asLong() + 1);
    }
    if (value.isNumber()) {
      return DecimalNode.valueOf(value.decimalValue().add(BigDecimal.ONE));
    }
    // A leading 9 keeps a quantity a quantity ("512Mi" -> "9512Mi") and changes any other text.
    return TextNode.valueOf("9" + value.asText());
  }

  /** The list-maps of a built-in manifest (outside metadata and status), with their pointers. */
  static List<ListMap> listMaps(ObjectNode manifest) {
    List<ListMap> out = new ArrayList<>();
    if (!isBuiltIn(manifest)) {
      return out;
    }
    boolean service = "Service".equals(manifest.path("kind").asText());
    for (Map.Entry<String, JsonNode> e : manifest.properties()) {
      if (!e.getKey().equals("metadata") && !e.getKey().equals("status")) {
        collectListMaps(e.getValue(), List.of(e.getKey()), service, out);
      }
    }
    return out;
  }

  private static void collectListMaps(
      JsonNode node, List<String> tokens, boolean service, List<ListMap> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        List<String> child = new ArrayList<>(tokens);
        child.add(e.getKey());
        collectListMaps(e.getValue(), child, service, out);
      }
    } else if (node.isArray()) {
      if (isListMap(tokens, service) && allObjects(node)) {
        out.add(new ListMap(pointer(tokens), (ArrayNode) node));
      }
      for (int i = 0; i < node.size(); i++) {
        List<String> child = new ArrayList<>(tokens);
        child.add(Integer.toString(i));
        collectListMaps(node.get(i), child, service, out);
      }
    }
  }

  private static boolean isListMap(List<String> tokens, boolean service) {
    String field = tokens.get(tokens.size() - 1);
    if (LIST_MAPS.contains(field)) {
      return true;
    }
    if (field.equals("ports")) {
      boolean containerPorts =
          tokens.size() >= 3 && CONTAINER_LISTS.contains(tokens.get(tokens.size() - 3));
      boolean servicePorts = service && tokens.equals(List.of("spec", "ports"));
      return containerPorts || servicePorts;
    }
    return false;
  }

  private static boolean allObjects(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isObject()) {
        return false;
      }
    }
    return true;
  }

  private static String pointer(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    tokens.forEach(t -> sb.append('/').append(escape(t)));
    return sb.toString();
  }

  /**
   * Reorders every list-map of two or more items, so that each one really changes order. Returns
   * the pointers of the lists it reordered.
   */
  static List<String> shuffleListMaps(ObjectNode manifest, Random random) {
    List<String> shuffled = new ArrayList<>();
    for (ListMap list : listMaps(manifest)) {
      int n = list.items().size();
      if (n < 2) {
        continue;
      }
      List<JsonNode> items = new ArrayList<>();
      list.items().forEach(items::add);
      List<JsonNode> original = List.copyOf(items);
      Collections.shuffle(items, random);
      if (items.equals(original)) {
        Collections.rotate(items, 1 + random.nextInt(n - 1));
      }
      list.items().removeAll();
      items.forEach(list.items()::add);
      shuffled.add(list.pointer());
    }
    return shuffled;
  }

  /**
   * Adds what the cluster adds to an applied manifest and Git never declares: server metadata,
   * status, bookkeeping and controller annotations, labels, API server defaults, unknown fields
   * and, in built-in list-maps, extra items (a sidecar, an env var, a volume, a toleration).
   * Nothing added is owned by a GitOps manager. Records what it did in {@code log}.
   */
  static void addLiveOnlyFields(ObjectNode live, Random random, List<String> log) {
    ObjectNode metadata = objectAt(live, "metadata");
    metadata.put(
        "uid", "6f2b7c1e-0000-4000-8000-" + String.format("%012d", random.nextInt(1_000_000)));
    metadata.put("resourceVersion", Integer.toString(1 + random.nextInt(90_000_000)));
    metadata.put("creationTimestamp", "2024-03-18T10:22:41Z");
    if (!metadata.has("generation")) {
      metadata.put("generation", 1 + random.nextInt(9));
    }
    ObjectNode annotations = objectAt(metadata, "annotations");
    for (int i = random.nextInt(3); i >= 0; i--) {
      String key = "prop.driftwatch.test/note-" + random.nextInt(1000);
      annotations.put(key, "v" + random.nextInt(1000));
      log.add("annotation " + key);
    }
    if (random.nextBoolean()) {
      annotations.put("kubectl.kubernetes.io/last-applied-configuration", "{\"kind\":\"prop\"}\n");
      annotations.put("deployment.kubernetes.io/revision", Integer.toString(random.nextInt(40)));
      log.add("bookkeeping annotations");
    }
    if (random.nextBoolean()) {
      String key = "prop.driftwatch.test/label-" + random.nextInt(1000);
      objectAt(metadata, "labels").put(key, "x" + random.nextInt(10));
      log.add("label " + key);
    }
    ObjectNode status = objectAt(live, "status");
    status.put("observedGeneration", metadata.path("generation").asInt(1));
    if (isBuiltIn(live)) {
      addDefaults(live, log);
      addListMapItems(live, random, log);
    }
    addUnknownFields(live, random, log);
  }

  private static void addDefaults(ObjectNode live, List<String> log) {
    String kind = live.path("kind").asText();
    JsonNode spec = live.path("spec");
    if (kind.equals("Deployment") && spec.isObject()) {
      ObjectNode s = (ObjectNode) spec;
      putIfAbsent(s, "progressDeadlineSeconds", IntNode.valueOf(600));
      putIfAbsent(s, "revisionHistoryLimit", IntNode.valueOf(10));
      ObjectNode rolling = NODES.objectNode();
      rolling.put("maxSurge", "25%").put("maxUnavailable", "25%");
      ObjectNode strategy = NODES.objectNode();
      strategy.put("type", "RollingUpdate").set("rollingUpdate", rolling);
      putIfAbsent(s, "strategy", strategy);
    }
    if (kind.equals("Service") && spec.isObject()) {
      ObjectNode s = (ObjectNode) spec;
      putIfAbsent(s, "clusterIP", TextNode.valueOf("10.96.0.42"));
      putIfAbsent(s, "clusterIPs", NODES.arrayNode().add("10.96.0.42"));
      putIfAbsent(s, "ipFamilies", NODES.arrayNode().add("IPv4"));
      putIfAbsent(s, "ipFamilyPolicy", TextNode.valueOf("SingleStack"));
      putIfAbsent(s, "sessionAffinity", TextNode.valueOf("None"));
      putIfAbsent(s, "internalTrafficPolicy", TextNode.valueOf("Cluster"));
      for (JsonNode port : s.path("ports")) {
        if (port.isObject()) {
          putIfAbsent((ObjectNode) port, "protocol", TextNode.valueOf("TCP"));
          putIfAbsent((ObjectNode) port, "targetPort", port.path("port"));
        }
      }
    }
    for (ObjectNode podSpec : podSpecs(live)) {
      putIfAbsent(podSpec, "dnsPolicy", TextNode.valueOf("ClusterFirst"));
      putIfAbsent(podSpec, "schedulerName", TextNode.valueOf("default-scheduler"));
      putIfAbsent(podSpec, "securityContext", NODES.objectNode());
      putIfAbsent(podSpec, "terminationGracePeriodSeconds", IntNode.valueOf(30));
      for (String list : CONTAINER_LISTS) {
        for (JsonNode c : podSpec.path(list)) {
          if (c.isObject()) {
            ObjectNode container = (ObjectNode) c;
            putIfAbsent(container, "imagePullPolicy", TextNode.valueOf("IfNotPresent"));
            putIfAbsent(
                container, "terminationMessagePath", TextNode.valueOf("/dev/termination-log"));
            putIfAbsent(container, "terminationMessagePolicy", TextNode.valueOf("File"));
            putIfAbsent(container, "resources", NODES.objectNode());
            for (JsonNode port : container.path("ports")) {
              if (port.isObject()) {
                putIfAbsent((ObjectNode) port, "protocol", TextNode.valueOf("TCP"));
              }
            }
          }
        }
      }
    }
    log.add("defaults");
  }

  private static void addListMapItems(ObjectNode live, Random random, List<String> log) {
    for (ListMap list : listMaps(live)) {
      if (!random.nextBoolean()) {
        continue;
      }
      String field = list.pointer().substring(list.pointer().lastIndexOf('/') + 1);
      int n = random.nextInt(1000);
      ObjectNode item = NODES.objectNode();
      switch (field) {
        case "containers", "initContainers" ->
            item.put("name", "prop-sidecar-" + n).put("image", "registry.invalid/prop:" + n);
        case "env" -> item.put("name", "PROP_" + n).put("value", Integer.toString(n));
        case "volumes" -> item.put("name", "prop-vol-" + n).set("emptyDir", NODES.objectNode());
        case "volumeMounts" -> item.put("name", "prop-vol-" + n).put("mountPath", "/prop/" + n);
        case "tolerations" ->
            item.put("key", "prop.driftwatch.test/t" + n)
                .put("operator", "Exists")
                .put("effect", "NoSchedule");
        case "imagePullSecrets" -> item.put("name", "prop-pull-" + n);
        default -> item = null;
      }
      if (item != null) {
        list.items().add(item);
        log.add("item in " + list.pointer());
      }
    }
  }

  private static void addUnknownFields(ObjectNode live, Random random, List<String> log) {
    List<ObjectNode> objects = new ArrayList<>();
    collectObjects(live, "", objects);
    for (int i = random.nextInt(4); i >= 0 && !objects.isEmpty(); i--) {
      ObjectNode target = objects.get(random.nextInt(objects.size()));
      String key = "propField" + random.nextInt(1000);
      if (!target.has(key)) {
        // "7" is a valid quantity too, in case the object is a limits or requests map.
        target.put(key, "7");
        log.add("unknown field " + key);
      }
    }
  }

  private static void collectObjects(JsonNode node, String pointer, List<ObjectNode> out) {
    if (pointer.equals("/metadata/managedFields")) {
      return;
    }
    if (node.isObject()) {
      out.add((ObjectNode) node);
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        collectObjects(e.getValue(), pointer + "/" + escape(e.getKey()), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectObjects(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  private static List<ObjectNode> podSpecs(JsonNode manifest) {
    List<ObjectNode> out = new ArrayList<>();
    collectPodSpecs(manifest, out);
    return out;
  }

  private static void collectPodSpecs(JsonNode node, List<ObjectNode> out) {
    if (node.isObject()) {
      if (node.path("containers").isArray()) {
        out.add((ObjectNode) node);
      }
      node.elements().forEachRemaining(child -> collectPodSpecs(child, out));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectPodSpecs(child, out));
    }
  }

  private static void putIfAbsent(ObjectNode node, String field, JsonNode value) {
    if (!node.has(field)) {
      node.set(field, value);
    }
  }

  private static ObjectNode objectAt(ObjectNode parent, String field) {
    JsonNode child = parent.get(field);
    if (child instanceof ObjectNode object) {
      return object;
    }
    return parent.putObject(field);
  }

  /** Replaces the value at {@code pointer} (which must exist) in {@code root}. */
  static void set(JsonNode root, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, slash));
    String token = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode object) {
      object.set(token, value);
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(token), value);
    } else {
      throw new IllegalArgumentException("No container at " + pointer);
    }
  }
}
