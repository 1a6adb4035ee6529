package io.driftwatch.alert.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SyncStatus;
import io.driftwatch.telemetry.MeterCatalog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DriftResourcesBinderTest {

  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
  private static final ResourceKey WEB =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");
  private static final ResourceKey API =
      ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "api");
  private static final ResourceKey DB =
      ResourceKey.of("prod", "apps/v1", "StatefulSet", "shop", "db");

  private SimpleMeterRegistry registry;
  private DriftResourcesBinder binder;

  @BeforeEach
  void bind() {
    registry = new SimpleMeterRegistry();
    binder = new DriftResourcesBinder();
    binder.bindTo(registry);
  }

  @Test
  void countsDriftedResourcesPerDriftTypeWithZeroForTheOthers() {
    binder.record(WEB, status(WEB, SyncStatus.OUT_OF_SYNC, DriftType.MODIFIED));
    binder.record(API, status(API, SyncStatus.OUT_OF_SYNC, DriftType.MODIFIED));
    binder.record(DB, status(DB, SyncStatus.OUT_OF_SYNC, DriftType.MISSING_LIVE));
    binder.refresh();

    assertThat(value("Deployment", "MODIFIED")).isEqualTo(2.0);
    assertThat(value("Deployment", "MISSING_LIVE")).isZero();
    assertThat(value("Deployment", "EXTRA_LIVE")).isZero();
    assertThat(value("StatefulSet", "MISSING_LIVE")).isEqualTo(1.0);
    assertThat(value("StatefulSet", "MODIFIED")).isZero();
    assertThat(registry.find(MeterCatalog.DRIFT_RESOURCES.name()).gauges()).hasSize(6);
  }

  @Test
  void syncedResourcesKeepTheirGroupAtZero() {
    binder.record(WEB, status(WEB, SyncStatus.SYNCED, DriftType.NONE));
    binder.refresh();

    assertThat(value("Deployment", "MODIFIED")).isZero();
    assertThat(registry.find(MeterCatalog.DRIFT_RESOURCES.name()).tag("drift_type", "NONE").gauge())
        .as("NONE is not a drift type series")
        .isNull();
  }

  @Test
  void resolvedDriftReadsZero() {
    binder.record(WEB, status(WEB, SyncStatus.OUT_OF_SYNC, DriftType.MODIFIED));
    binder.refresh();
    assertThat(value("Deployment", "MODIFIED")).isEqualTo(1.0);

    binder.record(WEB, status(WEB, SyncStatus.SYNCED, DriftType.NONE));
    binder.refresh();

    assertThat(value("Deployment", "MODIFIED")).isZero();
  }

  @Test
  void seriesDisappearWhenTheLastResourceOfTheirGroupIsGone() {
    binder.record(WEB, status(WEB, SyncStatus.OUT_OF_SYNC, DriftType.MODIFIED));
    binder.record(DB, status(DB, SyncStatus.SYNCED, DriftType.NONE));
    binder.refresh();

    binder.record(WEB, null);
    binder.refresh();

    assertThat(
            registry.find(MeterCatalog.DRIFT_RESOURCES.name()).tag("kind", "Deployment").gauges())
        .isEmpty();
    assertThat(value("StatefulSet", "MODIFIED")).isZero();
  }

  @Test
  void tagsNeverCarryTheResourceName() {
    binder.record(WEB, status(WEB, SyncStatus.OUT_OF_SYNC, DriftType.MODIFIED));
    binder.refresh();

    Gauge gauge = registry.find(MeterCatalog.DRIFT_RESOURCES.name()).gauges().iterator().next();
    assertThat(gauge.getId().getTags())
        .extracting(tag -> tag.getKey())
        .containsExactlyInAnyOrderElementsOf(MeterCatalog.DRIFT_RESOURCES.tagKeys());
    assertThat(gauge.getId().getTags()).noneMatch(tag -> tag.getValue().equals("web"));
  }

  private double value(String kind, String driftType) {
    Gauge gauge =
        registry
            .find(MeterCatalog.DRIFT_RESOURCES.name())
            .tags("cluster", "prod", "namespace", "shop", "kind", kind, "drift_type", driftType)
            .gauge();
    assertThat(gauge).as("series %s/%s", kind, driftType).isNotNull();
    return gauge.value();
  }

  private static DriftStatus status(ResourceKey key, SyncStatus sync, DriftType type) {
    return DriftStatus.of(key, sync, type, List.of(), "abc", T, T);
  }
}
