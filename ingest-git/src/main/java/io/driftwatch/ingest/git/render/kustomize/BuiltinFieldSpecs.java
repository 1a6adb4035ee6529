package io.driftwatch.ingest.git.render.kustomize;

import java.util.ArrayList;
import java.util.List;

/**
 * The field specs kustomize v5.5 builds in for labels, annotations, namespaces and replicas: where
 * {@code commonLabels} reach besides {@code metadata.labels} (selectors, pod templates, claim
 * templates), where {@code labels} with {@code includeTemplates} reach, and so on. Written as data
 * from kustomize's defaults and checked against {@code kubectl kustomize}.
 */
final class BuiltinFieldSpecs {

  private BuiltinFieldSpecs() {}

  private static final String TOPOLOGY_SPREAD =
      "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels";

  static final FieldSpec METADATA_LABELS = FieldSpec.of("", "metadata/labels", true);

  /** Pod template labels (and claim templates): {@code labels} with {@code includeTemplates}. */
  static final List<FieldSpec> TEMPLATE_LABELS =
      List.of(
          new FieldSpec("", "v1", "ReplicationController", "spec/template/metadata/labels", true),
          FieldSpec.of("Deployment", "spec/template/metadata/labels", true),
          FieldSpec.of("ReplicaSet", "spec/template/metadata/labels", true),
          FieldSpec.of("DaemonSet", "spec/template/metadata/labels", true),
          FieldSpec.of("apps", "StatefulSet", "spec/template/metadata/labels", true),
          FieldSpec.of("apps", "StatefulSet", "spec/volumeClaimTemplates[]/metadata/labels", true),
          FieldSpec.of("batch", "Job", "spec/template/metadata/labels", true),
          FieldSpec.of("batch", "CronJob", "spec/jobTemplate/metadata/labels", true),
          FieldSpec.of("batch", "CronJob", "spec/jobTemplate/spec/template/metadata/labels", true));

  /** Label selectors: {@code commonLabels}, and {@code labels} with {@code includeSelectors}. */
  private static final List<FieldSpec> SELECTORS =
      List.of(
          new FieldSpec("", "v1", "Service", "spec/selector", true),
          new FieldSpec("", "v1", "ReplicationController", "spec/selector", true),
          FieldSpec.of("Deployment", "spec/selector/matchLabels", true),
          FieldSpec.of("apps", "Deployment", podAffinity("podAffinity", true), false),
          FieldSpec.of("apps", "Deployment", podAffinity("podAffinity", false), false),
          FieldSpec.of("apps", "Deployment", podAffinity("podAntiAffinity", true), false),
          FieldSpec.of("apps", "Deployment", podAffinity("podAntiAffinity", false), false),
          FieldSpec.of("apps", "Deployment", TOPOLOGY_SPREAD, false),
          FieldSpec.of("ReplicaSet", "spec/selector/matchLabels", true),
          FieldSpec.of("DaemonSet", "spec/selector/matchLabels", true),
          FieldSpec.of("apps", "StatefulSet", "spec/selector/matchLabels", true),
          FieldSpec.of("apps", "StatefulSet", podAffinity("podAffinity", true), false),
          FieldSpec.of("apps", "StatefulSet", podAffinity("podAffinity", false), false),
          FieldSpec.of("apps", "StatefulSet", podAffinity("podAntiAffinity", true), false),
          FieldSpec.of("apps", "StatefulSet", podAffinity("podAntiAffinity", false), false),
          FieldSpec.of("apps", "StatefulSet", TOPOLOGY_SPREAD, false),
          FieldSpec.of("batch", "Job", "spec/selector/matchLabels", false),
          FieldSpec.of("batch", "CronJob", "spec/jobTemplate/spec/selector/matchLabels", false),
          FieldSpec.of("policy", "PodDisruptionBudget", "spec/selector/matchLabels", false),
          FieldSpec.of("networking.k8s.io", "NetworkPolicy", "spec/podSelector/matchLabels", false),
          FieldSpec.of(
              "networking.k8s.io",
              "NetworkPolicy",
              "spec/ingress/from/podSelector/matchLabels",
              false),
          FieldSpec.of(
              "networking.k8s.io",
              "NetworkPolicy",
              "spec/egress/to/podSelector/matchLabels",
              false));

  /** Everything {@code commonLabels} writes: metadata, selectors and templates. */
  static final List<FieldSpec> COMMON_LABELS = commonLabels();

  /** Everything {@code commonAnnotations} writes: metadata and pod templates. */
  static final List<FieldSpec> COMMON_ANNOTATIONS =
      List.of(
          FieldSpec.of("", "metadata/annotations", true),
          new FieldSpec(
              "", "v1", "ReplicationController", "spec/template/metadata/annotations", true),
          FieldSpec.of("Deployment", "spec/template/metadata/annotations", true),
          FieldSpec.of("ReplicaSet", "spec/template/metadata/annotations", true),
          FieldSpec.of("DaemonSet", "spec/template/metadata/annotations", true),
          FieldSpec.of("StatefulSet", "spec/template/metadata/annotations", true),
          FieldSpec.of("batch", "Job", "spec/template/metadata/annotations", true),
          FieldSpec.of("batch", "CronJob", "spec/jobTemplate/metadata/annotations", true),
          FieldSpec.of(
              "batch", "CronJob", "spec/jobTemplate/spec/template/metadata/annotations", true));

  /** Namespace references besides metadata.namespace that the namespace transformer sets. */
  static final List<FieldSpec> NAMESPACE_REFERENCES =
      List.of(
          FieldSpec.of("apiregistration.k8s.io", "APIService", "spec/service/namespace", true),
          FieldSpec.of(
              "apiextensions.k8s.io",
              "CustomResourceDefinition",
              "spec/conversion/webhook/clientConfig/service/namespace",
              false));

  /** Kinds whose {@code spec.replicas} the {@code replicas} field sets. */
  static final List<FieldSpec> REPLICAS =
      List.of(
          FieldSpec.of("Deployment", "spec/replicas", true),
          FieldSpec.of("ReplicationController", "spec/replicas", true),
          FieldSpec.of("ReplicaSet", "spec/replicas", true),
          FieldSpec.of("StatefulSet", "spec/replicas", true));

  private static String podAffinity(String affinity, boolean preferred) {
    return "spec/template/spec/affinity/"
        + affinity
        + (preferred
            ? "/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm"
            : "/requiredDuringSchedulingIgnoredDuringExecution")
        + "/labelSelector/matchLabels";
  }

  private static List<FieldSpec> commonLabels() {
    List<FieldSpec> all = new ArrayList<>(SELECTORS);
    all.add(METADATA_LABELS);
    all.addAll(TEMPLATE_LABELS);
    return List.copyOf(all);
  }
}
