package io.driftwatch.ingest.cluster.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.SourcePhase;
import io.driftwatch.telemetry.MeterCatalog;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClusterMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T09:30:00Z"), ZoneOffset.UTC);
  private final ClusterMetrics metrics = new ClusterMetrics(registry, clock);

  @Test
  void watchStateSeriesIsOneForTheCurrentStateOnly() {
    metrics.phase("prod", "apps", "Deployment", SourcePhase.LISTING);
    assertThat(state("LISTING")).isEqualTo(1);
    assertThat(state("SYNCED")).isZero();

    metrics.phase("prod", "apps", "Deployment", SourcePhase.SYNCED);
    assertThat(state("LISTING")).isZero();
    assertThat(state("SYNCED")).isEqualTo(1);

    metrics.phase("prod", "apps", "Deployment", SourcePhase.FAILED);
    assertThat(state("SYNCED")).isZero();
    assertThat(state("FAILED")).isEqualTo(1);
    assertThat(state("RELISTING")).isZero();
  }

  @Test
  void eventsAreCountedByTypeAndObjectsFollowAddsAndDeletes() {
    ResourceEventHandler<GenericKubernetesResource> handler =
        metrics.newWatch("prod", "", "ConfigMap");
    assertThat(registry.find(MeterCatalog.CLUSTER_LAST_EVENT.name()).gauge()).isNull();

    handler.onAdd(configMap("a"));
    handler.onAdd(configMap("b"));
    handler.onUpdate(configMap("a"), configMap("a"));
    handler.onDelete(configMap("b"), false);

    assertThat(events("ADDED")).isEqualTo(2);
    assertThat(events("MODIFIED")).isEqualTo(1);
    assertThat(events("DELETED")).isEqualTo(1);
    assertThat(gauge(MeterCatalog.CLUSTER_OBJECTS.name())).isEqualTo(1);
    assertThat(gauge(MeterCatalog.CLUSTER_LAST_EVENT.name()))
        .isEqualTo(clock.instant().getEpochSecond());
  }

  @Test
  void aNewWatchOfTheKindCountsItsObjectsFromNoneButKeepsTheEventTotals() {
    metrics.newWatch("prod", "", "ConfigMap").onAdd(configMap("a"));

    ResourceEventHandler<GenericKubernetesResource> again =
        metrics.newWatch("prod", "", "ConfigMap");
    assertThat(gauge(MeterCatalog.CLUSTER_OBJECTS.name())).isZero();
    again.onAdd(configMap("a"));

    assertThat(gauge(MeterCatalog.CLUSTER_OBJECTS.name())).isEqualTo(1);
    assertThat(events("ADDED")).isEqualTo(2);
  }

  @Test
  void clustersAndKindsHaveTheirOwnSeries() {
    metrics.newWatch("prod", "", "ConfigMap").onAdd(configMap("a"));
    metrics.newWatch("staging", "", "ConfigMap");

    assertThat(
            registry
                .get(MeterCatalog.CLUSTER_OBJECTS.name())
                .tags("cluster", "staging", "group", "", "kind", "ConfigMap")
                .gauge()
                .value())
        .isZero();
    assertThat(
            registry
                .get(MeterCatalog.CLUSTER_OBJECTS.name())
                .tags("cluster", "prod", "group", "", "kind", "ConfigMap")
                .gauge()
                .value())
        .isEqualTo(1);
  }

  private double state(String state) {
    return registry
        .get(MeterCatalog.CLUSTER_WATCH_STATE.name())
        .tags("cluster", "prod", "group", "apps", "kind", "Deployment", "state", state)
        .gauge()
        .value();
  }

  private double events(String type) {
    return registry
        .get(MeterCatalog.CLUSTER_EVENTS.name())
        .tags("cluster", "prod", "kind", "ConfigMap", "type", type)
        .counter()
        .count();
  }

  private double gauge(String name) {
    Gauge gauge = registry.get(name).tags("cluster", "prod", "kind", "ConfigMap").gauge();
    return gauge.value();
  }

  private static GenericKubernetesResource configMap(String name) {
    KubernetesSerialization serialization = new KubernetesSerialization();
    return serialization.convertValue(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("shop")
            .endMetadata()
            .build(),
        GenericKubernetesResource.class);
  }
}
