package io.driftwatch.ingest.git.render.kustomize.patch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the Kubernetes OpenAPI schema that strategic merge needs: which lists merge (by which
 * keys) on which built-in kinds. kustomize v5.5.0 embeds the Kubernetes v1.21 schema (GA and beta
 * groups), so kinds and fields added later, alpha groups and custom resources have no schema and
 * their lists are replaced. Everything not listed here is a map that merges or a list that is
 * replaced, which is why only the merging lists and the paths to them are written down.
 */
final class PatchSchema {

  /**
   * Field paths from a type to its merging lists, from the patchStrategy / patchMergeKey /
   * listMapKey tags of Kubernetes' API types (v1.21). A line is {@code Type.field Type} for a
   * nested object, or {@code Type.field merge [key,key] [ElementType]} for a list merged by those
   * keys (no key: a list of primitives merged as a set). Every root type also has {@code metadata
   * ObjectMeta}.
   */
  private static final String FIELDS =
      """
      ObjectMeta.finalizers                 merge
      ObjectMeta.ownerReferences            merge uid
      PodTemplateSpec.metadata              ObjectMeta
      PodTemplateSpec.spec                  PodSpec
      PodSpec.containers                    merge name Container
      PodSpec.initContainers                merge name Container
      PodSpec.ephemeralContainers           merge name Container
      PodSpec.volumes                       merge name
      PodSpec.imagePullSecrets              merge name
      PodSpec.hostAliases                   merge ip
      PodSpec.topologySpreadConstraints     merge topologyKey,whenUnsatisfiable
      Container.ports                       merge containerPort,protocol
      Container.env                         merge name
      Container.volumeMounts                merge mountPath
      Container.volumeDevices               merge devicePath
      Conditions.conditions                 merge type
      Pod.spec                              PodSpec
      Pod.status                            PodStatus
      PodStatus.conditions                  merge type
      PodStatus.podIPs                      merge ip
      PodTemplate.template                  PodTemplateSpec
      Workload.spec                         WorkloadSpec
      Workload.status                       Conditions
      WorkloadSpec.template                 PodTemplateSpec
      CronJob.spec                          CronJobSpec
      CronJobSpec.jobTemplate               JobTemplateSpec
      JobTemplateSpec.metadata              ObjectMeta
      JobTemplateSpec.spec                  WorkloadSpec
      Service.spec                          ServiceSpec
      Service.status                        Conditions
      ServiceSpec.ports                     merge port,protocol
      ServiceAccount.secrets                merge name
      Node.spec                             NodeSpec
      Node.status                           NodeStatus
      NodeSpec.podCIDRs                     merge
      NodeStatus.conditions                 merge type
      NodeStatus.addresses                  merge type
      ComponentStatus.conditions            merge type
      StatusConditions.status               Conditions
      WebhookConfiguration.webhooks         merge name
      CSINode.spec                          CSINodeSpec
      CSINodeSpec.drivers                   merge name
      """;

  /**
   * The kinds in kustomize's schema, by root type: {@code RootType apiVersion: Kind Kind ...}.
   * {@code Object} is a kind whose only merging lists are in its metadata.
   */
  private static final String ROOTS =
      """
      Pod                   v1: Pod
      PodTemplate           v1: PodTemplate
      Workload              v1: ReplicationController
      Workload              apps/v1: Deployment ReplicaSet DaemonSet StatefulSet
      Workload              batch/v1: Job
      CronJob               batch/v1: CronJob
      CronJob               batch/v1beta1: CronJob
      Service               v1: Service
      ServiceAccount        v1: ServiceAccount
      Node                  v1: Node
      ComponentStatus       v1: ComponentStatus
      StatusConditions      v1: Namespace PersistentVolumeClaim
      StatusConditions      apiregistration.k8s.io/v1: APIService
      StatusConditions      apiregistration.k8s.io/v1beta1: APIService
      StatusConditions      policy/v1: PodDisruptionBudget
      StatusConditions      policy/v1beta1: PodDisruptionBudget
      WebhookConfiguration  admissionregistration.k8s.io/v1: MutatingWebhookConfiguration ValidatingWebhookConfiguration
      WebhookConfiguration  admissionregistration.k8s.io/v1beta1: MutatingWebhookConfiguration ValidatingWebhookConfiguration
      CSINode               storage.k8s.io/v1: CSINode
      CSINode               storage.k8s.io/v1beta1: CSINode
      Object                v1: Binding ConfigMap Endpoints Event LimitRange PersistentVolume ResourceQuota Secret
      Object                apps/v1: ControllerRevision
      Object                apiextensions.k8s.io/v1: CustomResourceDefinition
      Object                apiextensions.k8s.io/v1beta1: CustomResourceDefinition
      Object                authentication.k8s.io/v1: TokenReview
      Object                authentication.k8s.io/v1beta1: TokenReview
      Object                authorization.k8s.io/v1: LocalSubjectAccessReview SelfSubjectAccessReview SelfSubjectRulesReview SubjectAccessReview
      Object                authorization.k8s.io/v1beta1: LocalSubjectAccessReview SelfSubjectAccessReview SelfSubjectRulesReview SubjectAccessReview
      Object                autoscaling/v1: HorizontalPodAutoscaler Scale
      Object                autoscaling/v2beta1: HorizontalPodAutoscaler
      Object                autoscaling/v2beta2: HorizontalPodAutoscaler
      Object                certificates.k8s.io/v1: CertificateSigningRequest
      Object                certificates.k8s.io/v1beta1: CertificateSigningRequest
      Object                coordination.k8s.io/v1: Lease
      Object                coordination.k8s.io/v1beta1: Lease
      Object                discovery.k8s.io/v1: EndpointSlice
      Object                discovery.k8s.io/v1beta1: EndpointSlice
      Object                events.k8s.io/v1: Event
      Object                events.k8s.io/v1beta1: Event
      Object                extensions/v1beta1: Ingress
      Object                flowcontrol.apiserver.k8s.io/v1beta1: FlowSchema PriorityLevelConfiguration
      Object                networking.k8s.io/v1: Ingress IngressClass NetworkPolicy
      Object                networking.k8s.io/v1beta1: Ingress IngressClass
      Object                node.k8s.io/v1: RuntimeClass
      Object                node.k8s.io/v1beta1: RuntimeClass
      Object                policy/v1beta1: Eviction PodSecurityPolicy
      Object                rbac.authorization.k8s.io/v1: ClusterRole ClusterRoleBinding Role RoleBinding
      Object                rbac.authorization.k8s.io/v1beta1: ClusterRole ClusterRoleBinding Role RoleBinding
      Object                scheduling.k8s.io/v1: PriorityClass
      Object                scheduling.k8s.io/v1beta1: PriorityClass
      Object                storage.k8s.io/v1: CSIDriver StorageClass VolumeAttachment
      Object                storage.k8s.io/v1beta1: CSIDriver CSIStorageCapacity StorageClass VolumeAttachment
      """;

  private static final Map<String, PatchSchema> ROOT_SCHEMAS = buildRoots();

  private final Map<String, PatchSchema> fields;
  private final boolean mergeList;
  private final List<String> keys;
  private final PatchSchema element;

  private PatchSchema(
      Map<String, PatchSchema> fields, boolean mergeList, List<String> keys, PatchSchema element) {
    this.fields = fields;
    this.mergeList = mergeList;
    this.keys = keys;
    this.element = element;
  }

  /** The schema of a kind, or null when kustomize has none (custom resources, newer kinds). */
  static PatchSchema forKind(String apiVersion, String kind) {
    return ROOT_SCHEMAS.get(apiVersion + " " + kind);
  }

  /** The schema of a field of this object, or null when unknown. */
  PatchSchema field(String name) {
    return fields.get(name);
  }

  /** True for a list merged by keys (or, with no keys, as a set of primitives). */
  boolean mergeList() {
    return mergeList;
  }

  /** The merge keys, primary first; empty for a set of primitives. */
  List<String> keys() {
    return keys;
  }

  /** The schema of this list's elements, or null when they have no merging lists. */
  PatchSchema element() {
    return element;
  }

  private static Map<String, PatchSchema> buildRoots() {
    Map<String, Map<String, String[]>> types = new HashMap<>();
    for (String line : FIELDS.strip().split("\n")) {
      String[] parts = line.trim().split("\\s+");
      int dot = parts[0].indexOf('.');
      types
          .computeIfAbsent(parts[0].substring(0, dot), t -> new LinkedHashMap<>())
          .put(parts[0].substring(dot + 1), java.util.Arrays.copyOfRange(parts, 1, parts.length));
    }
    Map<String, PatchSchema> built = new HashMap<>();
    Map<String, PatchSchema> roots = new HashMap<>();
    for (String line : ROOTS.strip().split("\n")) {
      String[] parts = line.trim().split("\\s+");
      types
          .computeIfAbsent(parts[0], t -> new LinkedHashMap<>())
          .putIfAbsent("metadata", new String[] {"ObjectMeta"});
      PatchSchema root = type(parts[0], types, built);
      String apiVersion = parts[1].substring(0, parts[1].length() - 1);
      for (int i = 2; i < parts.length; i++) {
        roots.put(apiVersion + " " + parts[i], root);
      }
    }
    return Map.copyOf(roots);
  }

  private static PatchSchema type(
      String name, Map<String, Map<String, String[]>> types, Map<String, PatchSchema> built) {
    PatchSchema done = built.get(name);
    if (done != null) {
      return done;
    }
    Map<String, PatchSchema> fields = new HashMap<>();
    for (Map.Entry<String, String[]> field : types.getOrDefault(name, Map.of()).entrySet()) {
      String[] spec = field.getValue();
      if (spec[0].equals("merge")) {
        List<String> keys = new ArrayList<>();
        PatchSchema element = null;
        for (int i = 1; i < spec.length; i++) {
          if (Character.isUpperCase(spec[i].charAt(0))) {
            element = type(spec[i], types, built);
          } else {
            keys.addAll(List.of(spec[i].split(",")));
          }
        }
        fields.put(field.getKey(), new PatchSchema(Map.of(), true, List.copyOf(keys), element));
      } else {
        fields.put(field.getKey(), type(spec[0], types, built));
      }
    }
    PatchSchema schema = new PatchSchema(Map.copyOf(fields), false, List.of(), null);
    built.put(name, schema);
    return schema;
  }
}
