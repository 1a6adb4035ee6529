package io.driftwatch.bench.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-tenant kustomize repository written deterministically for the benchmarks: one shared
 * {@code base/} of 13 applications (ServiceAccount, ConfigMap, Service, Deployment,
 * PodDisruptionBudget, HorizontalPodAutoscaler and NetworkPolicy each: 91 objects) and one overlay
 * per team under {@code overlays/team-NNN/}, which adds its own 6 objects and 3 generated ones and
 * uses the features real overlays use: namespace, namePrefix, commonLabels (selectors included),
 * commonAnnotations, images (newTag, newName, digest), replicas, a strategic merge patch from a
 * file, a JSON 6902 patch on a label-selected target, and ConfigMap and Secret generators whose
 * hashed names the base's Deployments refer to. Each overlay renders to {@link
 * #OBJECTS_PER_OVERLAY} objects, so 100 overlays are a 10,000-object source when {@code overlays/}
 * is rendered as Flux renders a path without a kustomization.
 */
public final class GeneratedFleet {

  /** Applications in the shared base; each declares {@link #OBJECTS_PER_APP} objects. */
  public static final int APPS = 13;

  public static final int OBJECTS_PER_APP = 7;

  /** What one overlay renders to: the base, its own 6 objects and its 3 generated ones. */
  public static final int OBJECTS_PER_OVERLAY = APPS * OBJECTS_PER_APP + 6 + 3;

  /** The directory of all overlays: the Flux-style source path of the whole fleet. */
  public static final String OVERLAYS = "overlays";

  private final Path root;
  private final int overlays;

  private GeneratedFleet(Path root, int overlays) {
    this.root = root;
    this.overlays = overlays;
  }

  /**
   * Writes the base and {@code overlays} overlays under {@code root} (created if needed); the same
   * arguments always write the same bytes.
   */
  public static GeneratedFleet write(Path root, int overlays) throws IOException {
    if (overlays < 1 || overlays > 999) {
      throw new IllegalArgumentException("overlays must be 1-999, not " + overlays);
    }
    GeneratedFleet fleet = new GeneratedFleet(root, overlays);
    List<String> appFiles = new ArrayList<>();
    for (int app = 1; app <= APPS; app++) {
      String file = "apps/" + appName(app) + ".yaml";
      fleet.writeFile("base/" + file, application(app));
      appFiles.add(file);
    }
    fleet.writeFile("base/kustomization.yaml", baseKustomization(appFiles));
    for (int team = 1; team <= overlays; team++) {
      String dir = fleet.overlay(team);
      fleet.writeFile(dir + "/kustomization.yaml", overlayKustomization(team));
      fleet.writeFile(dir + "/team.yaml", teamObjects(team));
      fleet.writeFile(dir + "/canary.yaml", canary(team, 0));
      fleet.writeFile(dir + "/app-01-resources.yaml", resourcesPatch(team));
      fleet.writeFile(dir + "/flags.properties", flags(team));
    }
    return fleet;
  }

  public Path root() {
    return root;
  }

  /** How many overlays were written. */
  public int overlays() {
    return overlays;
  }

  /** How many objects the whole fleet renders to. */
  public int objects() {
    return overlays * OBJECTS_PER_OVERLAY;
  }

  /** Repository path of overlay {@code team} (1-based), e.g. {@code overlays/team-007}. */
  public String overlay(int team) {
    if (team < 1 || team > overlays) {
      throw new IllegalArgumentException("no overlay " + team + " (1-" + overlays + ")");
    }
    return OVERLAYS + "/" + teamName(team);
  }

  /**
   * Edits one manifest: the canary Deployment of overlay {@code team} gets the image tag and
   * replica count of {@code revision} (0 is what {@link #write} wrote). Exactly one rendered object
   * changes. Returns the repository path of the file.
   */
  public String editCanary(int team, int revision) throws IOException {
    String path = overlay(team) + "/canary.yaml";
    writeFile(path, canary(team, revision));
    return path;
  }

  /**
   * Edits the shared base: application 1's ConfigMap gets {@code revision} as a value, so that one
   * object of every overlay changes. Returns the repository path of the file.
   */
  public String editBase(int revision) throws IOException {
    String path = "base/apps/" + appName(1) + ".yaml";
    writeFile(path, application(1).replace("REVISION: \"0\"", "REVISION: \"" + revision + "\""));
    return path;
  }

  private void writeFile(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static String appName(int app) {
    return "app-%02d".formatted(app);
  }

  private static String teamName(int team) {
    return "team-%03d".formatted(team);
  }

  private static String baseKustomization(List<String> files) {
    StringBuilder out =
        new StringBuilder(
            """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            labels:
              - pairs:
                  app.kubernetes.io/part-of: fleet
            resources:
            """);
    files.forEach(file -> out.append("  - ").append(file).append('\n'));
    return out.toString();
  }

  /** One application: seven objects, with references to the overlay's generated objects. */
  private static String application(int app) {
    String name = appName(app);
    String tier = app % 2 == 1 ? "backend" : "frontend";
    return """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: %1$s
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: %1$s-config
        data:
          APP_NAME: %1$s
          LISTEN_PORT: "8080"
          REVISION: "0"
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: %1$s
          labels:
            app: %1$s
        spec:
          selector:
            app: %1$s
          ports:
            - name: http
              port: 80
              targetPort: http
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %1$s
          labels:
            app: %1$s
            tier: %2$s
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: %1$s
          template:
            metadata:
              labels:
                app: %1$s
                tier: %2$s
            spec:
              serviceAccountName: %1$s
              containers:
                - name: app
                  image: registry.example.com/%1$s:1.0.%3$d
                  ports:
                    - name: http
                      containerPort: 8080
                  envFrom:
                    - configMapRef:
                        name: app-settings
                  env:
                    - name: APP_NAME
                      valueFrom:
                        configMapKeyRef:
                          name: %1$s-config
                          key: APP_NAME
                    - name: API_TOKEN
                      valueFrom:
                        secretKeyRef:
                          name: api-credentials
                          key: token
                  resources:
                    requests:
                      cpu: 100m
                      memory: 128Mi
                    limits:
                      memory: 256Mi
                  readinessProbe:
                    httpGet:
                      path: /healthz
                      port: http
                  volumeMounts:
                    - name: flags
                      mountPath: /etc/flags
              volumes:
                - name: flags
                  configMap:
                    name: feature-flags
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: %1$s
        spec:
          minAvailable: 1
          selector:
            matchLabels:
              app: %1$s
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: %1$s
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: %1$s
          minReplicas: 2
          maxReplicas: 6
          metrics:
            - type: Resource
              resource:
                name: cpu
                target:
                  type: Utilization
                  averageUtilization: 75
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: %1$s
        spec:
          podSelector:
            matchLabels:
              app: %1$s
          policyTypes:
            - Ingress
          ingress:
            - from:
                - podSelector:
                    matchLabels:
                      tier: frontend
              ports:
                - port: 8080
        """
        .formatted(name, tier, app);
  }

  private static String overlayKustomization(int team) {
    String name = teamName(team);
    return """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namespace: %1$s
        namePrefix: t%2$03d-
        commonLabels:
          team: %1$s
        commonAnnotations:
          example.com/owner: %1$s@example.com
        resources:
          - ../../base
          - team.yaml
          - canary.yaml
        images:
          - name: registry.example.com/app-03
            newTag: "1.%2$d.0"
          - name: registry.example.com/app-07
            newName: mirror.example.com/app-07
            digest: sha256:%3$064x
        replicas:
          - name: app-02
            count: %4$d
        patches:
          - path: app-01-resources.yaml
          - target:
              kind: Deployment
              labelSelector: tier=backend
            patch: |-
              - op: add
                path: /spec/template/spec/containers/0/env/-
                value:
                  name: TEAM
                  value: %1$s
        configMapGenerator:
          - name: app-settings
            literals:
              - LOG_LEVEL=info
              - TEAM=%1$s
              - REGION=region-%5$d
          - name: feature-flags
            files:
              - flags.properties
        secretGenerator:
          - name: api-credentials
            literals:
              - token=%1$s-token
        """
        .formatted(name, team, team, team % 5 + 1, team % 3 + 1);
  }

  private static String teamObjects(int team) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %1$s
        ---
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: compute
        spec:
          hard:
            requests.cpu: "20"
            requests.memory: 40Gi
            pods: "100"
        ---
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: defaults
        spec:
          limits:
            - type: Container
              default:
                memory: 256Mi
              defaultRequest:
                cpu: 50m
                memory: 64Mi
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: deployer
        rules:
          - apiGroups: [apps]
            resources: [deployments]
            verbs: [get, list, watch, patch]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: deployer
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: deployer
        subjects:
          - kind: ServiceAccount
            name: app-01
        """
        .formatted(teamName(team));
  }

  private static String canary(int team, int revision) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: canary
          labels:
            app: canary
            tier: canary
        spec:
          replicas: %2$d
          selector:
            matchLabels:
              app: canary
          template:
            metadata:
              labels:
                app: canary
                tier: canary
            spec:
              containers:
                - name: app
                  image: registry.example.com/app-01:1.1.0-rc.%1$d
                  envFrom:
                    - configMapRef:
                        name: app-settings
        """
        .formatted(revision, revision % 3 + 1);
  }

  private static String resourcesPatch(int team) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app-01
        spec:
          template:
            spec:
              containers:
                - name: app
                  resources:
                    requests:
                      cpu: %dm
                      memory: 256Mi
        """
        .formatted(200 + team % 4 * 50);
  }

  private static String flags(int team) {
    return "checkout.v2=%s\nsearch.suggestions=%s\nteam=%s\n"
        .formatted(team % 2 == 0, team % 3 == 0, teamName(team));
  }
}
