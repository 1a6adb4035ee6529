package io.driftwatch.ingest.git.render.kustomize;

import java.util.ArrayList;
import java.util.List;

/**
 * kustomize v5.5's built-in name reference table, as data: for each kind that can be renamed (by a
 * prefix, a suffix or a generator's hash), the fields of other kinds that refer to it by name.
 * After a build the {@link NameReferenceFixer} rewrites those fields to the new names.
 *
 * <p>Kept as kustomize ships it, quirks included and checked with {@code kubectl kustomize}:
 * ReplicationController pods do not get ConfigMap or Secret references rewritten, ReplicaSets do
 * not get ServiceAccount, claim or priority class references rewritten, and IngressClass entries
 * never match (kustomize declares their group as {@code networking.k8s.io/v1}), so they are left
 * out.
 */
final class NameReferences {

  /** A kind that can be referred to, and the fields that refer to it. */
  record BackReference(String group, String version, String kind, List<FieldSpec> referrers) {

    boolean selects(ResId id) {
      return new FieldSpec(group, version, kind, "", false).selects(id);
    }
  }

  private static final List<String> TEMPLATED = List.of("Deployment", "ReplicaSet", "DaemonSet");

  private static final List<String> CONFIG_MAP_POD_PATHS =
      List.of(
          "spec/volumes/configMap/name",
          "spec/containers/env/valueFrom/configMapKeyRef/name",
          "spec/initContainers/env/valueFrom/configMapKeyRef/name",
          "spec/containers/envFrom/configMapRef/name",
          "spec/initContainers/envFrom/configMapRef/name",
          "spec/volumes/projected/sources/configMap/name");

  private static final List<String> SECRET_POD_PATHS =
      List.of(
          "spec/volumes/secret/secretName",
          "spec/containers/env/valueFrom/secretKeyRef/name",
          "spec/initContainers/env/valueFrom/secretKeyRef/name",
          "spec/containers/envFrom/secretRef/name",
          "spec/initContainers/envFrom/secretRef/name",
          "spec/imagePullSecrets/name",
          "spec/volumes/projected/sources/secret/name");

  static final List<BackReference> TABLE = table();

  private NameReferences() {}

  private static List<BackReference> table() {
    List<BackReference> table = new ArrayList<>();
    for (String scaled :
        List.of("Deployment", "ReplicationController", "ReplicaSet", "StatefulSet")) {
      table.add(
          new BackReference(
              "",
              "",
              scaled,
              List.of(FieldSpec.of("HorizontalPodAutoscaler", "spec/scaleTargetRef/name", false))));
    }

    List<FieldSpec> configMap = new ArrayList<>();
    podPaths(configMap, CONFIG_MAP_POD_PATHS, List.of("StatefulSet", "Job"));
    configMap.add(FieldSpec.of("Node", "spec/configSource/configMap", false));
    configMap.add(FieldSpec.of("Role", "rules/resourceNames", false));
    configMap.add(FieldSpec.of("ClusterRole", "rules/resourceNames", false));
    configMap.add(
        FieldSpec.of(
            "Ingress",
            "metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap",
            false));
    table.add(new BackReference("", "v1", "ConfigMap", configMap));

    List<FieldSpec> secret = new ArrayList<>();
    podPaths(secret, SECRET_POD_PATHS, List.of("StatefulSet", "Job"));
    secret.add(FieldSpec.of("Ingress", "spec/tls/secretName", false));
    secret.add(
        FieldSpec.of("Ingress", "metadata/annotations/ingress.kubernetes.io\\/auth-secret", false));
    secret.add(
        FieldSpec.of(
            "Ingress", "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret", false));
    secret.add(
        FieldSpec.of(
            "Ingress",
            "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret",
            false));
    secret.add(FieldSpec.of("ServiceAccount", "imagePullSecrets/name", false));
    for (String parameter :
        List.of("secretName", "adminSecretName", "userSecretName", "secretRef")) {
      secret.add(FieldSpec.of("StorageClass", "parameters/" + parameter, false));
    }
    secret.add(FieldSpec.of("Role", "rules/resourceNames", false));
    secret.add(FieldSpec.of("ClusterRole", "rules/resourceNames", false));
    secret.add(
        new FieldSpec(
            "serving.knative.dev",
            "v1",
            "Service",
            "spec/template/spec/containers/env/valueFrom/secretKeyRef/name",
            false));
    secret.add(FieldSpec.of("PersistentVolume", "spec/azureFile/secretName", false));
    table.add(new BackReference("", "v1", "Secret", secret));

    String admission = "admissionregistration.k8s.io";
    table.add(
        new BackReference(
            "",
            "v1",
            "Service",
            List.of(
                FieldSpec.of("apps", "StatefulSet", "spec/serviceName", false),
                FieldSpec.of("Ingress", "spec/rules/http/paths/backend/serviceName", false),
                FieldSpec.of("Ingress", "spec/backend/serviceName", false),
                FieldSpec.of("Ingress", "spec/rules/http/paths/backend/service/name", false),
                FieldSpec.of("Ingress", "spec/defaultBackend/service/name", false),
                FieldSpec.of("apiregistration.k8s.io", "APIService", "spec/service/name", false),
                FieldSpec.of(
                    admission,
                    "ValidatingWebhookConfiguration",
                    "webhooks/clientConfig/service",
                    false),
                FieldSpec.of(
                    admission,
                    "MutatingWebhookConfiguration",
                    "webhooks/clientConfig/service",
                    false))));

    String rbac = "rbac.authorization.k8s.io";
    table.add(
        new BackReference(
            rbac, "", "Role", List.of(FieldSpec.of(rbac, "RoleBinding", "roleRef/name", false))));
    table.add(
        new BackReference(
            rbac,
            "",
            "ClusterRole",
            List.of(
                FieldSpec.of(rbac, "RoleBinding", "roleRef/name", false),
                FieldSpec.of(rbac, "ClusterRoleBinding", "roleRef/name", false))));

    List<FieldSpec> serviceAccount = new ArrayList<>();
    serviceAccount.add(FieldSpec.of(rbac, "RoleBinding", "subjects", false));
    serviceAccount.add(FieldSpec.of(rbac, "ClusterRoleBinding", "subjects", false));
    workloadPaths(serviceAccount, "spec/serviceAccountName");
    table.add(new BackReference("", "v1", "ServiceAccount", serviceAccount));

    List<FieldSpec> claim = new ArrayList<>();
    workloadPaths(claim, "spec/volumes/persistentVolumeClaim/claimName");
    table.add(new BackReference("", "v1", "PersistentVolumeClaim", claim));

    table.add(
        new BackReference(
            "",
            "v1",
            "PersistentVolume",
            List.of(
                FieldSpec.of("PersistentVolumeClaim", "spec/volumeName", false),
                FieldSpec.of("ClusterRole", "rules/resourceNames", false))));

    table.add(
        new BackReference(
            "storage.k8s.io",
            "v1",
            "StorageClass",
            List.of(
                FieldSpec.of("PersistentVolume", "spec/storageClassName", false),
                FieldSpec.of("PersistentVolumeClaim", "spec/storageClassName", false),
                FieldSpec.of(
                    "StatefulSet", "spec/volumeClaimTemplates/spec/storageClassName", false))));

    List<FieldSpec> priorityClass = new ArrayList<>();
    workloadPaths(priorityClass, "spec/priorityClassName");
    table.add(new BackReference("scheduling.k8s.io", "v1", "PriorityClass", priorityClass));
    return List.copyOf(table);
  }

  /** ConfigMap and Secret references: Pod, PodTemplate, the templated kinds and CronJob. */
  private static void podPaths(List<FieldSpec> into, List<String> paths, List<String> more) {
    for (String path : paths) {
      into.add(new FieldSpec("", "v1", "Pod", path, false));
      into.add(FieldSpec.of("PodTemplate", "template/" + path, false));
      for (String kind : TEMPLATED) {
        into.add(FieldSpec.of(kind, "spec/template/" + path, false));
      }
      for (String kind : more) {
        into.add(FieldSpec.of(kind, "spec/template/" + path, false));
      }
      into.add(FieldSpec.of("CronJob", "spec/jobTemplate/spec/template/" + path, false));
    }
  }

  /** ServiceAccount, claim and priority class references: Pod, workloads with RCs, CronJob. */
  private static void workloadPaths(List<FieldSpec> into, String podPath) {
    into.add(FieldSpec.of("Pod", podPath, false));
    for (String kind :
        List.of("StatefulSet", "Deployment", "ReplicationController", "Job", "DaemonSet")) {
      into.add(FieldSpec.of(kind, "spec/template/" + podPath, false));
    }
    into.add(FieldSpec.of("CronJob", "spec/jobTemplate/spec/template/" + podPath, false));
  }
}
