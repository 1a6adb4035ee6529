package io.driftwatch.alert.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.DriftAggregate;
import io.driftwatch.model.DriftType;
import io.driftwatch.telemetry.MeterCatalog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DriftAggregatesBinderTest {

  private final MockClock clock = new MockClock();
  private SimpleMeterRegistry registry;
  private DriftAggregatesBinder binder;

  @BeforeEach
  void bind() {
    registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    binder = new DriftAggregatesBinder();
    binder.bindTo(registry);
  }

  @Test
  void countsDriftedResourcesPerDriftTypeWithZeroForTheOthers() {
    put(resources("apps", "Deployment", DriftType.MODIFIED, 2));
    put(resources("apps", "StatefulSet", DriftType.MISSING_LIVE, 1));
    binder.refresh();

    assertThat(value("Deployment", "MODIFIED")).isEqualTo(2.0);
    assertThat(value("Deployment", "MISSING_LIVE")).isZero();
    assertThat(value("Deployment", "EXTRA_LIVE")).isZero();
    assertThat(value("StatefulSet", "MISSING_LIVE")).isEqualTo(1.0);
    assertThat(value("StatefulSet", "MODIFIED")).isZero();
    assertThat(registry.find(MeterCatalog.DRIFT_RESOURCES.name()).gauges()).hasSize(6);
  }

  @Test
  void aKindWithOnlyResourcesWithoutDriftHasItsSeriesAtZero() {
    put(resources("apps", "Deployment", DriftType.NONE, 3));
    binder.refresh();

    assertThat(value("Deployment", "MODIFIED")).isZero();
    assertThat(registry.find(MeterCatalog.DRIFT_RESOURCES.name()).tag("drift_type", "NONE").gauge())
        .as("NONE is not a drift type series")
        .isNull();
  }

  @Test
  void resolvedDriftReadsZero() {
    DriftAggregate modified = resources("apps", "Deployment", DriftType.MODIFIED, 1);
    put(modified);
    binder.refresh();
    assertThat(value("Deployment", "MODIFIED")).isEqualTo(1.0);

    binder.record(modified.key(), null);
    put(resources("apps", "Deployment", DriftType.NONE, 1));
    binder.refresh();

    assertThat(value("Deployment", "MODIFIED")).isZero();
  }

  @Test
  void seriesDisappearWhenTheLastRowOfTheirKindIsTombstoned() {
    DriftAggregate web = resources("apps", "Deployment", DriftType.MODIFIED, 1);
    put(web);
    put(resources("apps", "StatefulSet", DriftType.NONE, 1));
    binder.refresh();

    binder.record(web.key(), null);
    binder.refresh();

    assertThat(
            registry.find(MeterCatalog.DRIFT_RESOURCES.name()).tag("kind", "Deployment").gauges())
        .isEmpty();
    assertThat(value("StatefulSet", "MODIFIED")).isZero();
  }

  @Test
  void apiGroupsOfOneKindAreAddedUp() {
    put(resources("apps", "Deployment", DriftType.MODIFIED, 2));
    put(resources("extensions", "Deployment", DriftType.MODIFIED, 1));
    binder.refresh();

    assertThat(value("Deployment", "MODIFIED")).isEqualTo(3.0);
  }

  @Test
  void tagsAreTheCataloguedLowCardinalityKeys() {
    put(resources("apps", "Deployment", DriftType.MODIFIED, 1));
    put(DriftAggregate.oldestOpen("prod", "shop", Instant.ofEpochMilli(clock.wallTime())));
    binder.refresh();

    Gauge count = registry.find(MeterCatalog.DRIFT_RESOURCES.name()).gauges().iterator().next();
    Gauge oldest = registry.find(MeterCatalog.DRIFT_OLDEST_OPEN.name()).gauge();
    assertThat(count.getId().getTags())
        .extracting(Tag::getKey)
        .containsExactlyInAnyOrderElementsOf(MeterCatalog.DRIFT_RESOURCES.tagKeys());
    assertThat(oldest.getId().getTags())
        .extracting(Tag::getKey)
        .containsExactlyInAnyOrderElementsOf(MeterCatalog.DRIFT_OLDEST_OPEN.tagKeys());
  }

  @Test
  void oldestOpenIsTheSecondsSinceItOpenedAtScrapeTime() {
    Instant now = Instant.ofEpochMilli(clock.wallTime());
    put(DriftAggregate.oldestOpen("prod", "shop", now.minus(Duration.ofMinutes(5))));
    binder.refresh();

    assertThat(oldest("shop")).isEqualTo(300.0);

    clock.add(90, TimeUnit.SECONDS);

    assertThat(oldest("shop"))
        .as("no refresh needed: the age is read when scraped")
        .isEqualTo(390.0);
  }

  @Test
  void oldestOpenMovesWithItsRowAndGoesWithItsTombstone() {
    Instant now = Instant.ofEpochMilli(clock.wallTime());
    DriftAggregate shop = DriftAggregate.oldestOpen("prod", "shop", now.minusSeconds(600));
    put(shop);
    put(DriftAggregate.oldestOpen("prod", "billing", now.minusSeconds(60)));
    binder.refresh();

    put(DriftAggregate.oldestOpen("prod", "shop", now.minusSeconds(120)));
    binder.refresh();
    assertThat(oldest("shop")).isEqualTo(120.0);

    binder.record(shop.key(), null);
    binder.refresh();
    assertThat(
            registry.find(MeterCatalog.DRIFT_OLDEST_OPEN.name()).tag("namespace", "shop").gauge())
        .isNull();
    assertThat(oldest("billing")).isEqualTo(60.0);
  }

  @Test
  void anOpenedAtAheadOfThisClockReadsZeroNotANegativeAge() {
    Instant now = Instant.ofEpochMilli(clock.wallTime());
    put(DriftAggregate.oldestOpen("prod", "shop", now.plusSeconds(30)));
    binder.refresh();

    assertThat(oldest("shop")).isZero();
  }

  private void put(DriftAggregate row) {
    binder.record(row.key(), row);
  }

  private static DriftAggregate resources(String group, String kind, DriftType type, long count) {
    return DriftAggregate.resources("prod", "shop", group, kind, type, count);
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

  private double oldest(String namespace) {
    Gauge gauge =
        registry
            .find(MeterCatalog.DRIFT_OLDEST_OPEN.name())
            .tags("cluster", "prod", "namespace", namespace)
            .gauge();
    assertThat(gauge).as("oldest open series of %s", namespace).isNotNull();
    return gauge.value();
  }
}
