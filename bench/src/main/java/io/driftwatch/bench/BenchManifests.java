package io.driftwatch.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftwatch.model.serde.Json;

/**
 * The desired and live documents the benchmarks compare, built deterministically (no randomness, no
 * files) so every run measures the same bytes. Each live document is what an API server returns for
 * its desired one after Flux applied it: server metadata, defaults, managedFields, status; the
 * pairs are in sync, so the engine walks every field.
 */
public final class BenchManifests {

  private static final YAMLMapper YAML = new YAMLMapper();

  /** A desired and a live document of one resource. */
  public record Pair(ObjectNode desired, ObjectNode live) {

    /** The live document as the JSON bytes an informer or {@code kubectl get -o json} gives. */
    public byte[] liveJson() {
      try {
        return Json.mapper().writeValueAsBytes(live);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private BenchManifests() {}

  /** A ConfigMap with ten entries. */
  public static Pair configMap() {
    ObjectNode desired =
        yaml(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: shop
              labels: {app.kubernetes.io/name: shop}
            data: {}
            """);
    ObjectNode data = (ObjectNode) desired.get("data");
    StringBuilder owned = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      data.put("KEY_" + i, "value number " + i + " of the shop settings");
      owned.append(i == 1 ? "" : ", ").append("\"f:KEY_").append(i).append("\": {}");
    }
    ObjectNode live = desired.deepCopy();
    serverMetadata(
        live,
        "v1",
        "{\"f:data\": {"
            + owned
            + "}, \"f:metadata\": {\"f:labels\": {\"f:app.kubernetes.io/name\": {}}}}");
    return new Pair(desired, live);
  }

  /** A Deployment as kustomize renders it, and as the API server returns it. */
  public static Pair deployment() {
    return new Pair(yaml(DEPLOYMENT), yaml(DEPLOYMENT_LIVE));
  }

  /**
   * A PrometheusRule (a custom resource) of 25 groups of 20 alerting rules: about 5,000 lines of
   * YAML.
   */
  public static Pair customResource() {
    ObjectNode desired =
        yaml(
            """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: shop-alerts
              namespace: monitoring
              labels: {release: kube-prometheus-stack}
            spec:
              groups: []
            """);
    ArrayNode groups = (ArrayNode) desired.at("/spec/groups");
    for (int g = 1; g <= 25; g++) {
      ObjectNode group = groups.addObject();
      group.put("name", "shop-service-" + g);
      group.put("interval", "30s");
      ArrayNode rules = group.putArray("rules");
      for (int r = 1; r <= 20; r++) {
        String job = "svc-" + g + "-" + r;
        ObjectNode rule = rules.addObject();
        rule.put("alert", "HighErrorRate" + g + "x" + r);
        rule.put(
            "expr",
            "sum(rate(http_requests_total{job=\""
                + job
                + "\",code=~\"5..\"}[5m])) / sum(rate(http_requests_total{job=\""
                + job
                + "\"}[5m])) > 0.0"
                + (r % 9 + 1));
        rule.put("for", (r % 4 + 1) * 5 + "m");
        ObjectNode labels = rule.putObject("labels");
        labels.put("severity", r % 3 == 0 ? "critical" : "warning");
        labels.put("team", "team-" + (g % 7));
        ObjectNode annotations = rule.putObject("annotations");
        annotations.put("summary", "More than " + (r % 9 + 1) + "% of " + job + " requests fail");
        annotations.put("runbook_url", "https://runbooks.example.com/shop/" + job);
      }
    }
    ObjectNode live = desired.deepCopy();
    serverMetadata(
        live,
        "monitoring.coreos.com/v1",
        "{\"f:metadata\": {\"f:labels\": {\"f:release\": {}}}, \"f:spec\": {\"f:groups\": {}}}");
    return new Pair(desired, live);
  }

  /**
   * A Deployment whose one container has {@code items} environment variables, listed live in the
   * reverse order: {@code env} is a list-map keyed by name, so the engine must match the items by
   * key, and its cost must grow linearly with their number.
   */
  public static Pair envList(int items) {
    ObjectNode desired =
        yaml(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: big-env, namespace: shop}
            spec:
              selector: {matchLabels: {app: big-env}}
              template:
                metadata: {labels: {app: big-env}}
                spec:
                  containers:
                    - name: app
                      image: ghcr.io/example/app:1.0.0
                      env: []
            """);
    ArrayNode env = (ArrayNode) desired.at("/spec/template/spec/containers/0/env");
    for (int i = 1; i <= items; i++) {
      env.addObject().put("name", "VAR_" + i).put("value", "value-" + i);
    }
    ObjectNode live = desired.deepCopy();
    ArrayNode liveEnv = (ArrayNode) live.at("/spec/template/spec/containers/0/env");
    liveEnv.removeAll();
    StringBuilder owned = new StringBuilder();
    for (int i = items; i >= 1; i--) {
      liveEnv.addObject().put("name", "VAR_" + i).put("value", "value-" + i);
      owned
          .append(i == items ? "" : ", ")
          .append("\"k:{\\\"name\\\":\\\"VAR_")
          .append(i)
          .append("\\\"}\": {\".\": {}, \"f:name\": {}, \"f:value\": {}}");
    }
    ObjectNode container = (ObjectNode) live.at("/spec/template/spec/containers/0");
    container.put("imagePullPolicy", "IfNotPresent");
    container.put("terminationMessagePath", "/dev/termination-log");
    container.put("terminationMessagePolicy", "File");
    ObjectNode spec = (ObjectNode) live.get("spec");
    spec.put("replicas", 1);
    spec.put("revisionHistoryLimit", 10);
    spec.put("progressDeadlineSeconds", 600);
    serverMetadata(
        live,
        "apps/v1",
        "{\"f:spec\": {\"f:selector\": {}, \"f:template\": {\"f:metadata\": {\"f:labels\": {}},"
            + " \"f:spec\": {\"f:containers\": {\"k:{\\\"name\\\":\\\"app\\\"}\": {\".\": {},"
            + " \"f:image\": {}, \"f:name\": {}, \"f:env\": {"
            + owned
            + "}}}}}}}");
    return new Pair(desired, live);
  }

  /** Adds what the API server sets: uid, versions, timestamps, managedFields, status. */
  private static void serverMetadata(ObjectNode live, String apiVersion, String fieldsV1) {
    ObjectNode metadata = (ObjectNode) live.get("metadata");
    metadata.put("uid", "6f1c2a8e-3b9d-4c51-9a57-0d2e8b1f4c7a");
    metadata.put("resourceVersion", "482913");
    metadata.put("generation", 3);
    metadata.put("creationTimestamp", "2026-11-02T08:00:00Z");
    ObjectNode entry = metadata.putArray("managedFields").addObject();
    entry.put("apiVersion", apiVersion);
    entry.put("fieldsType", "FieldsV1");
    entry.set("fieldsV1", json(fieldsV1));
    entry.put("manager", "kustomize-controller");
    entry.put("operation", "Apply");
    entry.put("time", "2026-11-20T08:00:00Z");
    live.putObject("status").put("observedGeneration", 3);
  }

  private static ObjectNode yaml(String text) {
    try {
      return (ObjectNode) YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: shop
        labels: {app.kubernetes.io/name: api, app.kubernetes.io/part-of: shop}
      spec:
        replicas: 2
        selector:
          matchLabels: {app.kubernetes.io/name: api}
        template:
          metadata:
            labels: {app.kubernetes.io/name: api, app.kubernetes.io/part-of: shop}
          spec:
            serviceAccountName: api
            containers:
              - name: api
                image: ghcr.io/example/shop-api:1.4.2
                args: ["--port=8080", "--metrics-port=9090"]
                ports:
                  - {name: http, containerPort: 8080}
                  - {name: metrics, containerPort: 9090}
                env:
                  - {name: LOG_LEVEL, value: info}
                  - name: DB_PASSWORD
                    valueFrom: {secretKeyRef: {name: db, key: password}}
                readinessProbe:
                  httpGet: {path: /ready, port: http}
                resources:
                  requests: {cpu: 250m, memory: 256Mi}
                  limits: {cpu: "1", memory: 512Mi}
                volumeMounts:
                  - {name: config, mountPath: /etc/shop}
            volumes:
              - name: config
                configMap: {name: settings}
      """;

  private static final String DEPLOYMENT_LIVE =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        annotations: {deployment.kubernetes.io/revision: "3"}
        creationTimestamp: "2026-11-02T08:00:00Z"
        generation: 7
        labels: {app.kubernetes.io/name: api, app.kubernetes.io/part-of: shop}
        managedFields:
          - apiVersion: apps/v1
            fieldsType: FieldsV1
            fieldsV1:
              f:metadata: {f:labels: {f:app.kubernetes.io/name: {}, f:app.kubernetes.io/part-of: {}}}
              f:spec:
                f:replicas: {}
                f:selector: {}
                f:template:
                  f:metadata: {f:labels: {f:app.kubernetes.io/name: {}, f:app.kubernetes.io/part-of: {}}}
                  f:spec:
                    f:serviceAccountName: {}
                    f:containers:
                      k:{"name":"api"}:
                        .: {}
                        f:args: {}
                        f:env:
                          k:{"name":"LOG_LEVEL"}: {.: {}, f:name: {}, f:value: {}}
                          k:{"name":"DB_PASSWORD"}: {.: {}, f:name: {}, f:valueFrom: {f:secretKeyRef: {}}}
                        f:image: {}
                        f:name: {}
                        f:ports:
                          k:{"containerPort":8080,"protocol":"TCP"}: {.: {}, f:containerPort: {}, f:name: {}}
                          k:{"containerPort":9090,"protocol":"TCP"}: {.: {}, f:containerPort: {}, f:name: {}}
                        f:readinessProbe: {f:httpGet: {f:path: {}, f:port: {}}}
                        f:resources: {f:limits: {f:cpu: {}, f:memory: {}}, f:requests: {f:cpu: {}, f:memory: {}}}
                        f:volumeMounts:
                          k:{"mountPath":"/etc/shop"}: {.: {}, f:mountPath: {}, f:name: {}}
                    f:volumes:
                      k:{"name":"config"}: {.: {}, f:configMap: {f:name: {}}, f:name: {}}
            manager: kustomize-controller
            operation: Apply
            time: "2026-11-20T08:00:00Z"
          - apiVersion: apps/v1
            fieldsType: FieldsV1
            fieldsV1:
              f:metadata: {f:annotations: {.: {}, f:deployment.kubernetes.io/revision: {}}}
              f:status: {f:availableReplicas: {}, f:conditions: {}, f:observedGeneration: {}, f:readyReplicas: {}, f:replicas: {}, f:updatedReplicas: {}}
            manager: kube-controller-manager
            operation: Update
            subresource: status
            time: "2026-11-20T08:01:00Z"
        name: api
        namespace: shop
        resourceVersion: "482913"
        uid: 6f1c2a8e-3b9d-4c51-9a57-0d2e8b1f4c7a
      spec:
        progressDeadlineSeconds: 600
        replicas: 2
        revisionHistoryLimit: 10
        selector:
          matchLabels: {app.kubernetes.io/name: api}
        strategy:
          rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}
          type: RollingUpdate
        template:
          metadata:
            creationTimestamp: null
            labels: {app.kubernetes.io/name: api, app.kubernetes.io/part-of: shop}
          spec:
            containers:
              - args: ["--port=8080", "--metrics-port=9090"]
                env:
                  - {name: LOG_LEVEL, value: info}
                  - name: DB_PASSWORD
                    valueFrom: {secretKeyRef: {key: password, name: db}}
                image: ghcr.io/example/shop-api:1.4.2
                imagePullPolicy: IfNotPresent
                name: api
                ports:
                  - {containerPort: 8080, name: http, protocol: TCP}
                  - {containerPort: 9090, name: metrics, protocol: TCP}
                readinessProbe:
                  failureThreshold: 3
                  httpGet: {path: /ready, port: http, scheme: HTTP}
                  periodSeconds: 10
                  successThreshold: 1
                  timeoutSeconds: 1
                resources:
                  limits: {cpu: "1", memory: 512Mi}
                  requests: {cpu: 250m, memory: 256Mi}
                terminationMessagePath: /dev/termination-log
                terminationMessagePolicy: File
                volumeMounts:
                  - {mountPath: /etc/shop, name: config}
            dnsPolicy: ClusterFirst
            restartPolicy: Always
            schedulerName: default-scheduler
            securityContext: {}
            serviceAccount: api
            serviceAccountName: api
            terminationGracePeriodSeconds: 30
            volumes:
              - configMap: {defaultMode: 420, name: settings}
                name: config
      status:
        availableReplicas: 2
        conditions:
          - {lastTransitionTime: "2026-11-02T08:00:10Z", lastUpdateTime: "2026-11-20T08:00:40Z", message: ReplicaSet "api-7d9f8c6b5d" has successfully progressed., reason: NewReplicaSetAvailable, status: "True", type: Progressing}
          - {lastTransitionTime: "2026-11-20T08:01:00Z", lastUpdateTime: "2026-11-20T08:01:00Z", message: Deployment has minimum availability., reason: MinimumReplicasAvailable, status: "True", type: Available}
        observedGeneration: 7
        readyReplicas: 2
        replicas: 2
        updatedReplicas: 2
      """;
}
