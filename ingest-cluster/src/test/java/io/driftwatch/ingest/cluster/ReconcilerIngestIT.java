package io.driftwatch.ingest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.cluster.reconcile.ReconcilerKind;
import io.driftwatch.ingest.cluster.reconcile.ReconcilerKinds;
import io.driftwatch.ingest.cluster.testing.Fixtures;
import io.driftwatch.ingest.cluster.testing.IngestHarness;
import io.driftwatch.ingest.cluster.testing.MockCluster;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ReconcilerStatus;
import io.driftwatch.model.ReconcilerStatus.ReadyState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.testkit.TopicProbe;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flux, Argo CD and OpenChoreo reconciler objects in a mock API server (CRUD mode), watched as
 * configured custom resources, reach the real broker as reconciler-status records; the objects they
 * apply reach it as live state that names them in {@code managedBy}.
 */
class ReconcilerIngestIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static KafkaSettings kafka;

  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeAll
  static void provisionTopics() {
    kafka = IngestHarness.provisionedKafka();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
  }

  @Test
  void reconcilersOfEveryToolArePublishedWithReadinessAndRevisionsThenFlipAndTombstone() {
    String cluster = "it-" + UUID.randomUUID().toString().substring(0, 8);
    MockCluster mock = open(MockCluster.start());
    KubernetesClient k8s = mock.client();
    createWithStatus(k8s, ReconcilerKinds.FLUX_KUSTOMIZATION, "flux-kustomization-build-failed");
    createWithStatus(k8s, ReconcilerKinds.FLUX_HELM_RELEASE, "flux-helmrelease-upgrade-failed");
    createWithStatus(k8s, ReconcilerKinds.FLUX_GIT_REPOSITORY, "flux-gitrepository-ready");
    createWithStatus(k8s, ReconcilerKinds.ARGO_APPLICATION, "argo-application-synced-healthy");
    createWithStatus(
        k8s, ReconcilerKinds.OPENCHOREO_RELEASE_BINDING, "openchoreo-releasebinding-ready");
    createWithStatus(
        k8s, ReconcilerKinds.OPENCHOREO_RENDERED_RELEASE, "openchoreo-renderedrelease-healthy");
    TopicProbe<ResourceKey, ReconcilerStatus> reconcilers = reconcilerProbe();

    start(cluster, mock, ReconcilerKinds.watchedKinds());

    ResourceKey kustomization =
        key(cluster, ReconcilerKinds.FLUX_KUSTOMIZATION, "flux-system", "infra-controllers");
    ReconcilerStatus failing = awaitStatus(reconcilers, kustomization);
    assertThat(failing.tool()).isEqualTo(ReconcilerStatus.ReconcilerTool.FLUX);
    assertThat(failing.ready()).isEqualTo(ReadyState.FALSE);
    assertThat(failing.reason()).isEqualTo("BuildFailed");
    assertThat(failing.lastAppliedRevision())
        .isEqualTo("main@sha1:1111111111111111111111111111111111111111");
    assertThat(failing.lastAttemptedRevision())
        .isEqualTo("main@sha1:2222222222222222222222222222222222222222");
    assertThat(failing.inventory())
        .containsExactly(
            new ResourceKey(
                cluster, "apps", "Deployment", "ingress-nginx", "ingress-nginx-controller"));

    ReconcilerStatus helm =
        awaitStatus(
            reconcilers, key(cluster, ReconcilerKinds.FLUX_HELM_RELEASE, "podinfo", "podinfo"));
    assertThat(helm.ready()).isEqualTo(ReadyState.FALSE);
    assertThat(helm.lastAppliedRevision()).isEqualTo("6.6.3");
    assertThat(helm.lastAttemptedRevision()).isEqualTo("6.7.0");

    ReconcilerStatus source =
        awaitStatus(
            reconcilers,
            key(cluster, ReconcilerKinds.FLUX_GIT_REPOSITORY, "flux-system", "flux-system"));
    assertThat(source.ready()).isEqualTo(ReadyState.TRUE);
    assertThat(source.lastAppliedRevision())
        .isEqualTo("main@sha1:5f6e2a1c0d9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f");

    ResourceKey application = key(cluster, ReconcilerKinds.ARGO_APPLICATION, "argocd", "guestbook");
    ReconcilerStatus argo = awaitStatus(reconcilers, application);
    assertThat(argo.tool()).isEqualTo(ReconcilerStatus.ReconcilerTool.ARGO_CD);
    assertThat(argo.ready()).isEqualTo(ReadyState.TRUE);
    assertThat(argo.lastAppliedRevision()).isEqualTo("53e28ff20cc530b9ada2173fbbd64d48338583ba");
    assertThat(argo.inventory()).hasSize(2);

    ReconcilerStatus binding =
        awaitStatus(
            reconcilers,
            key(
                cluster,
                ReconcilerKinds.OPENCHOREO_RELEASE_BINDING,
                "default",
                "postgres-development"));
    assertThat(binding.tool()).isEqualTo(ReconcilerStatus.ReconcilerTool.OPENCHOREO);
    assertThat(binding.ready()).isEqualTo(ReadyState.TRUE);
    assertThat(binding.lastAppliedRevision()).isEqualTo("postgres-20260223-1");

    ReconcilerStatus rendered =
        awaitStatus(
            reconcilers,
            key(
                cluster,
                ReconcilerKinds.OPENCHOREO_RENDERED_RELEASE,
                "default",
                "postgres-development"));
    assertThat(rendered.ready()).isEqualTo(ReadyState.TRUE);
    assertThat(rendered.lastAppliedRevision()).isEqualTo("postgres-20260223-1");
    assertThat(rendered.inventory())
        .containsExactly(
            new ResourceKey(
                cluster,
                "apps",
                "Deployment",
                "dp-default-doclet-development-5f6a",
                "postgres-development-1a2b3c"),
            new ResourceKey(
                cluster, "", "Service", "dp-default-doclet-development-5f6a", "postgres"));

    // The fix is applied: the controller writes a new status and the record flips to ready.
    ObjectNode fixed = fixture("flux-kustomization-build-failed");
    ObjectNode status = (ObjectNode) fixed.get("status");
    status.put("lastAppliedRevision", "main@sha1:2222222222222222222222222222222222222222");
    ((ObjectNode) status.withArray("conditions").get(0))
        .put("status", "True")
        .put("reason", "ReconciliationSucceeded")
        .put("message", "Applied revision: main@sha1:2222222222222222222222222222222222222222");
    updateStatus(k8s, ReconcilerKinds.FLUX_KUSTOMIZATION, fixed);
    ReconcilerStatus recovered =
        reconcilers
            .await(
                r ->
                    r.key().equals(kustomization)
                        && r.value() != null
                        && r.value().ready() == ReadyState.TRUE,
                TIMEOUT)
            .value();
    assertThat(recovered.reason()).isEqualTo("ReconciliationSucceeded");
    assertThat(recovered.lastAppliedRevision()).isEqualTo(recovered.lastAttemptedRevision());

    // The Application is deleted: its record is tombstoned.
    k8s.genericKubernetesResources(context(ReconcilerKinds.ARGO_APPLICATION))
        .inNamespace("argocd")
        .withName("guestbook")
        .delete();
    reconcilers.await(r -> r.key().equals(application) && r.value() == null, TIMEOUT);
  }

  @Test
  void appliedObjectsNameTheirReconcilerAndUnmarkedOnesNone() {
    String cluster = "it-" + UUID.randomUUID().toString().substring(0, 8);
    MockCluster mock = open(MockCluster.start());
    KubernetesClient k8s = mock.client();
    k8s.resource(
            Fixtures.yamlText(
                    """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flux-settings
                  namespace: shop
                  labels:
                    kustomize.toolkit.fluxcd.io/name: apps
                    kustomize.toolkit.fluxcd.io/namespace: flux-system
                data: {mode: fast}
                """)
                .toString())
        .create();
    k8s.resource(
            Fixtures.yamlText(
                    """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: guestbook-settings
                  namespace: guestbook
                  annotations:
                    argocd.argoproj.io/tracking-id: guestbook:/ConfigMap:guestbook/guestbook-settings
                    team: web
                data: {colour: blue}
                """)
                .toString())
        .create();
    k8s.resource(
            Fixtures.yamlText(
                    """
                apiVersion: v1
                kind: Service
                metadata:
                  name: postgres
                  namespace: dp-default-doclet-development-5f6a
                  labels:
                    openchoreo.dev/managed-by: renderedrelease-controller
                    openchoreo.dev/rendered-release-name: postgres-development
                    openchoreo.dev/rendered-release-namespace: default
                spec:
                  ports: [{name: tcp, port: 5432}]
                """)
                .toString())
        .create();
    k8s.resource(
            Fixtures.yamlText(
                    """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: hand-made, namespace: shop}
                data: {owner: nobody}
                """)
                .toString())
        .create();
    TopicProbe<ResourceKey, LiveState> live = liveProbe();

    start(
        cluster, mock, List.of(WatchedKind.of("v1", "ConfigMap"), WatchedKind.of("v1", "Service")));

    assertThat(
            awaitLive(live, ResourceKey.of(cluster, "v1", "ConfigMap", "shop", "flux-settings"))
                .managedBy())
        .isEqualTo(
            new ResourceKey(
                cluster, "kustomize.toolkit.fluxcd.io", "Kustomization", "flux-system", "apps"));
    LiveState tracked =
        awaitLive(
            live, ResourceKey.of(cluster, "v1", "ConfigMap", "guestbook", "guestbook-settings"));
    assertThat(tracked.managedBy())
        .isEqualTo(new ResourceKey(cluster, "argoproj.io", "Application", "argocd", "guestbook"));
    assertThat(tracked.manifest().path("metadata").path("annotations").fieldNames())
        .toIterable()
        .containsExactly("team");
    assertThat(
            awaitLive(
                    live,
                    ResourceKey.of(
                        cluster, "v1", "Service", "dp-default-doclet-development-5f6a", "postgres"))
                .managedBy())
        .isEqualTo(
            new ResourceKey(
                cluster, "openchoreo.dev", "RenderedRelease", "default", "postgres-development"));
    assertThat(
            awaitLive(live, ResourceKey.of(cluster, "v1", "ConfigMap", "shop", "hand-made"))
                .managedBy())
        .isNull();
  }

  private void createWithStatus(KubernetesClient k8s, ReconcilerKind kind, String fixture) {
    ObjectNode object = fixture(fixture);
    ObjectNode status = (ObjectNode) object.remove("status");
    GenericKubernetesResource created =
        k8s.genericKubernetesResources(context(kind))
            .inNamespace(object.path("metadata").path("namespace").asText())
            .resource(toResource(k8s, object))
            .create();
    if (status != null) {
      created.setAdditionalProperty(
          "status", k8s.getKubernetesSerialization().convertValue(status, Map.class));
      k8s.genericKubernetesResources(context(kind)).resource(created).updateStatus();
    }
  }

  private static void updateStatus(KubernetesClient k8s, ReconcilerKind kind, ObjectNode object) {
    String namespace = object.path("metadata").path("namespace").asText();
    String name = object.path("metadata").path("name").asText();
    GenericKubernetesResource current =
        k8s.genericKubernetesResources(context(kind)).inNamespace(namespace).withName(name).get();
    current.setAdditionalProperty(
        "status", k8s.getKubernetesSerialization().convertValue(object.get("status"), Map.class));
    k8s.genericKubernetesResources(context(kind)).resource(current).updateStatus();
  }

  /** A fixture without what the API server sets itself. */
  private static ObjectNode fixture(String name) {
    ObjectNode object = Fixtures.yaml("/reconcilers/" + name + "-object.yaml");
    ObjectNode metadata = (ObjectNode) object.get("metadata");
    Stream.of("resourceVersion", "generation", "uid").forEach(metadata::remove);
    return object;
  }

  private static GenericKubernetesResource toResource(KubernetesClient k8s, ObjectNode object) {
    return k8s.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
  }

  private static ResourceDefinitionContext context(ReconcilerKind kind) {
    String version = kind.apiVersion().substring(kind.apiVersion().indexOf('/') + 1);
    return new ResourceDefinitionContext.Builder()
        .withGroup(kind.group())
        .withVersion(version)
        .withKind(kind.kind())
        .withPlural(kind.plural())
        .withNamespaced(kind.namespaced())
        .build();
  }

  private static ResourceKey key(
      String cluster, ReconcilerKind kind, String namespace, String name) {
    return ResourceKey.of(cluster, kind.apiVersion(), kind.kind(), namespace, name);
  }

  private static ReconcilerStatus awaitStatus(
      TopicProbe<ResourceKey, ReconcilerStatus> probe, ResourceKey key) {
    return probe.await(r -> r.key().equals(key) && r.value() != null, TIMEOUT).value();
  }

  private static LiveState awaitLive(TopicProbe<ResourceKey, LiveState> probe, ResourceKey key) {
    return probe.await(r -> r.key().equals(key) && r.value() != null, TIMEOUT).value();
  }

  private void start(String cluster, MockCluster mock, List<WatchedKind> kinds) {
    open(new ClusterIngest(
            new ClusterIngestConfig(
                List.of(new ClusterConfig(cluster, null, null, false, kinds, List.of(), null))),
            kafka,
            Fixtures.redactor(),
            config -> mock.newClient()))
        .start();
  }

  private TopicProbe<ResourceKey, ReconcilerStatus> reconcilerProbe() {
    return open(
        TopicProbe.open(
            kafka.bootstrapServers(),
            Topics.RECONCILER_STATUS.name(),
            Topics.RECONCILER_STATUS.keySerde().deserializer(),
            Topics.RECONCILER_STATUS.valueSerde().deserializer()));
  }

  private TopicProbe<ResourceKey, LiveState> liveProbe() {
    return open(
        TopicProbe.open(
            kafka.bootstrapServers(),
            Topics.LIVE_STATE.name(),
            Topics.LIVE_STATE.keySerde().deserializer(),
            Topics.LIVE_STATE.valueSerde().deserializer()));
  }

  private <T extends AutoCloseable> T open(T closeable) {
    closeables.add(closeable);
    return closeable;
  }
}
