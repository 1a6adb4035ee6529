package io.driftwatch.model;

import java.util.Set;

/**
 * Which built-in kinds are cluster-scoped. Git manifests often omit {@code metadata.namespace}; the
 * API server then puts a namespaced object in the target namespace and a cluster-scoped one in
 * none, and the resource key must follow. Custom resources are taken as namespaced unless the
 * configuration says otherwise.
 */
public final class KindScopes {

  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "/Namespace",
          "/Node",
          "/PersistentVolume",
          "/ComponentStatus",
          "rbac.authorization.k8s.io/ClusterRole",
          "rbac.authorization.k8s.io/ClusterRoleBinding",
          "apiextensions.k8s.io/CustomResourceDefinition",
          "apiregistration.k8s.io/APIService",
          "storage.k8s.io/StorageClass",
          "storage.k8s.io/CSIDriver",
          "storage.k8s.io/CSINode",
          "storage.k8s.io/VolumeAttachment",
          "scheduling.k8s.io/PriorityClass",
          "node.k8s.io/RuntimeClass",
          "networking.k8s.io/IngressClass",
          "admissionregistration.k8s.io/MutatingWebhookConfiguration",
          "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
          "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
          "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
          "certificates.k8s.io/CertificateSigningRequest",
          "flowcontrol.apiserver.k8s.io/FlowSchema",
          "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration");

  private KindScopes() {}

  /** True when objects of this group and kind have no namespace. */
  public static boolean clusterScoped(String group, String kind) {
    return CLUSTER_SCOPED.contains((group == null ? "" : group) + "/" + kind);
  }
}
