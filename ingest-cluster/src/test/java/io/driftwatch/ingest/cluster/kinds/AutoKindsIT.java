package io.driftwatch.ingest.cluster.kinds;

import static io.driftwatch.ingest.cluster.testing.IngestHarness.awaitLive;
import static io.driftwatch.ingest.cluster.testing.IngestHarness.awaitSynced;
import static io.driftwatch.ingest.cluster.testing.IngestHarness.uniqueCluster;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.cluster.ClusterAccess;
import io.driftwatch.ingest.cluster.ClusterConfig;
import io.driftwatch.ingest.cluster.ClusterIngest;
import io.driftwatch.ingest.cluster.ClusterIngestConfig;
import io.driftwatch.ingest.cluster.kube.Backoff;
import io.driftwatch.ingest.cluster.testing.Fixtures;
import io.driftwatch.ingest.cluster.testing.IngestHarness;
import io.driftwatch.ingest.cluster.testing.KubeObjects;
import io.driftwatch.ingest.cluster.testing.LogCapture;
import io.driftwatch.ingest.cluster.testing.MockCluster;
import io.driftwatch.model.DesiredState;
import io.driftwatch.model.LiveState;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.Topics;
import io.driftwatch.telemetry.MeterCatalog;
import io.driftwatch.testkit.TopicProbe;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kinds: auto} on the mock API server and the real broker: the kinds come from the desired
 * state of the cluster (and only that cluster), the reconciler kinds the cluster serves are
 * watched, the missing ones are named once, and a kind that appears later in the desired state is
 * watched while running.
 */
class AutoKindsIT {

  private static final String FLUX = "kustomize.toolkit.fluxcd.io";

  private final IngestHarness harness = IngestHarness.start();

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void watchesTheDesiredKindsOfItsClusterAndTheServedReconcilerKindsAndAddsNewDesiredKinds() {
    String cluster = uniqueCluster();
    String other = uniqueCluster();
    MockCluster mock = harness.open(MockCluster.start());
    KubernetesClient k8s = mock.client();
    k8s.apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(KubeObjects.crd(FLUX, "v1", "Kustomization", "kustomizations"))
        .create();
    k8s.genericKubernetesResources(
            KubeObjects.context(FLUX, "v1", "Kustomization", "kustomizations"))
        .inNamespace("flux-system")
        .resource(
            KubeObjects.custom(
                FLUX + "/v1",
                "Kustomization",
                "flux-system",
                "apps",
                Map.of("path", "./apps", "prune", true)))
        .create();
    k8s.configMaps()
        .inNamespace("shop")
        .resource(KubeObjects.configMap("shop", "settings", "a", "b"))
        .create();
    k8s.apps().deployments().inNamespace("shop").resource(deployment()).create();
    k8s.services().inNamespace("shop").resource(service()).create();
    TopicProbe<ResourceKey, LiveState> live = harness.probe(Topics.LIVE_STATE);
    TopicProbe<String, SourceStatus> status = harness.probe(Topics.SOURCE_STATUS);
    harness.send(
        Topics.DESIRED_STATE,
        List.of(
            desired(cluster, "v1", "ConfigMap", "shop", "settings"),
            desired(cluster, "apps/v1", "Deployment", "shop", "web"),
            // Another cluster's Service must not make this cluster watch Services.
            desired(other, "v1", "Service", "shop", "web")));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LogCapture log = harness.open(LogCapture.start());

    harness
        .open(
            new ClusterIngest(
                new ClusterIngestConfig(
                    List.of(
                        new ClusterConfig(
                            cluster,
                            new ClusterAccess.Kubeconfig(null, null),
                            List.of(),
                            true,
                            List.of(),
                            null))),
                harness.kafka(),
                Fixtures.redactor(),
                config -> mock.newClient(),
                registry,
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2))))
        .start();

    awaitLive(live, ResourceKey.of(cluster, "v1", "ConfigMap", "shop", "settings"));
    awaitLive(live, ResourceKey.of(cluster, "apps/v1", "Deployment", "shop", "web"));
    awaitLive(live, ResourceKey.of(cluster, FLUX + "/v1", "Kustomization", "flux-system", "apps"));
    awaitSynced(status, cluster, "", "ConfigMap");
    awaitSynced(status, cluster, "apps", "Deployment");
    awaitSynced(status, cluster, FLUX, "Kustomization");
    ResourceKey serviceKey = ResourceKey.of(cluster, "v1", "Service", "shop", "web");
    assertThat(live.drain(Duration.ofSeconds(1))).noneMatch(r -> r.key().equals(serviceKey));

    // A kind that appears in the desired state while running is watched from then on.
    harness.send(Topics.DESIRED_STATE, List.of(desired(cluster, "v1", "Service", "shop", "web")));
    awaitLive(live, serviceKey);
    awaitSynced(status, cluster, "", "Service");

    assertThat(log.linesContaining("not watching the reconciler kinds it does not serve"))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("'" + cluster + "'")
                    .contains("HelmRelease.helm.toolkit.fluxcd.io")
                    .contains("Application.argoproj.io")
                    .contains("ReleaseBinding.openchoreo.dev")
                    .doesNotContain("Kustomization"));
    assertThat(
            registry
                .get(MeterCatalog.CLUSTER_WATCH_STATE.name())
                .tags("cluster", cluster, "kind", "Service", "state", "SYNCED")
                .gauge()
                .value())
        .isEqualTo(1);
    assertThat(
            registry
                .get(MeterCatalog.CLUSTER_OBJECTS.name())
                .tags("cluster", cluster, "kind", "Kustomization")
                .gauge()
                .value())
        .isEqualTo(1);
  }

  @Test
  void namespacesAndLabelSelectorScopeTheAutoSelectedWatchesAndLeaveClusterScopedKindsOut() {
    String cluster = uniqueCluster();
    MockCluster mock = harness.open(MockCluster.start());
    KubernetesClient k8s = mock.client();
    k8s.configMaps().inNamespace("shop").resource(labelled("shop", "wanted", "yes")).create();
    k8s.configMaps().inNamespace("shop").resource(labelled("shop", "unlabelled", "no")).create();
    k8s.configMaps().inNamespace("other").resource(labelled("other", "elsewhere", "yes")).create();
    k8s.namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
        .create();
    TopicProbe<ResourceKey, LiveState> live = harness.probe(Topics.LIVE_STATE);
    TopicProbe<String, SourceStatus> status = harness.probe(Topics.SOURCE_STATUS);
    harness.send(
        Topics.DESIRED_STATE,
        List.of(
            desired(cluster, "v1", "ConfigMap", "shop", "wanted"),
            desired(cluster, "v1", "Namespace", "", "shop")));
    LogCapture log = harness.open(LogCapture.start());

    harness
        .open(
            new ClusterIngest(
                new ClusterIngestConfig(
                    List.of(
                        new ClusterConfig(
                            cluster,
                            new ClusterAccess.Kubeconfig(null, null),
                            List.of(),
                            true,
                            List.of("shop"),
                            "driftwatch-it=yes"))),
                harness.kafka(),
                Fixtures.redactor(),
                config -> mock.newClient(),
                new SimpleMeterRegistry(),
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2))))
        .start();

    String configMaps = SourceStatus.clusterSource(cluster, "", "ConfigMap");
    status.await(
        r ->
            r.key().equals(configMaps)
                && r.value().phase() == SourcePhase.SYNCED
                && r.value().resourceCount() == 1,
        IngestHarness.TIMEOUT);
    k8s.configMaps().inNamespace("shop").resource(labelled("shop", "later", "yes")).create();
    k8s.configMaps().inNamespace("other").resource(labelled("other", "later", "yes")).create();
    awaitLive(live, ResourceKey.of(cluster, "v1", "ConfigMap", "shop", "later"));

    assertThat(live.drain(Duration.ofSeconds(1)))
        .filteredOn(r -> r.key().cluster().equals(cluster))
        .extracting(r -> r.key().namespace() + "/" + r.key().name())
        .containsExactlyInAnyOrder("shop/wanted", "shop/later");
    assertThat(status.records())
        .noneMatch(r -> r.key().equals(SourceStatus.clusterSource(cluster, "", "Namespace")));
    assertThat(log.linesContaining("not watching the cluster-scoped kinds"))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("'" + cluster + "'").contains("Namespace"));
  }

  private static ConfigMap labelled(String namespace, String name, String label) {
    ConfigMap configMap = KubeObjects.configMap(namespace, name, "k", "v");
    configMap.getMetadata().setLabels(Map.of("driftwatch-it", label));
    return configMap;
  }

  private static ProducerRecord<ResourceKey, DesiredState> desired(
      String cluster, String apiVersion, String kind, String namespace, String name) {
    ResourceKey key = ResourceKey.of(cluster, apiVersion, kind, namespace, name);
    ObjectNode manifest = JsonNodeFactory.instance.objectNode();
    manifest.put("apiVersion", apiVersion).put("kind", kind);
    ObjectNode metadata = manifest.putObject("metadata").put("name", name);
    if (!namespace.isEmpty()) {
      metadata.put("namespace", namespace);
    }
    return new ProducerRecord<>(
        Topics.DESIRED_STATE.name(),
        key,
        DesiredState.of(
            key,
            "fleet",
            "0123abcd",
            Instant.parse("2026-11-26T09:00:00Z"),
            "apps/x.yaml",
            manifest));
  }

  private static Deployment deployment() {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("web")
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .addToMatchLabels("app", "web")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "web")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("web")
        .withImage("ghcr.io/example/web:1.0.0")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Service service() {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName("web")
        .endMetadata()
        .withNewSpec()
        .addToSelector("app", "web")
        .addNewPort()
        .withPort(80)
        .endPort()
        .endSpec()
        .build();
  }
}
