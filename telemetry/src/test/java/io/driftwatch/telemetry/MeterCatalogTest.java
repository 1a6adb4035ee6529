package io.driftwatch.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeterCatalogTest {

  /** Tag keys whose values are bounded by configuration or by an enum, never by resource names. */
  private static final Set<String> LOW_CARDINALITY_TAGS =
      Set.of("cluster", "namespace", "group", "kind", "drift_type", "source", "state", "type");

  @Test
  void everyMeterIsScrapedUnderTheNameTheCatalogueGivesIt() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    for (MeterSpec spec : MeterCatalog.all()) {
      String[] tags =
          spec.tags(Collections.nCopies(spec.tagKeys().size(), "x").toArray(String[]::new));
      if (spec.type() == Meter.Type.COUNTER) {
        Counter.builder(spec.name())
            .baseUnit(spec.baseUnit())
            .description(spec.description())
            .tags(tags)
            .register(registry)
            .increment();
      } else {
        Gauge.builder(spec.name(), () -> 1)
            .baseUnit(spec.baseUnit())
            .description(spec.description())
            .tags(tags)
            .register(registry);
      }
    }

    String scrape = registry.scrape();

    for (MeterSpec spec : MeterCatalog.all()) {
      String type = spec.type() == Meter.Type.COUNTER ? "counter" : "gauge";
      assertThat(scrape).contains("# TYPE " + spec.prometheusName() + " " + type);
    }
    assertThat(MeterCatalog.CLUSTER_EVENTS.prometheusName())
        .isEqualTo("gitops_cluster_events_total");
    assertThat(MeterCatalog.DRIFT_OLDEST_OPEN.prometheusName())
        .isEqualTo("gitops_drift_oldest_open_seconds");
    assertThat(MeterCatalog.CLUSTER_LAST_EVENT.prometheusName())
        .isEqualTo("gitops_cluster_last_event_timestamp_seconds");
  }

  @Test
  void namesAreUniqueAndTagsLowCardinality() {
    List<String> names = MeterCatalog.all().stream().map(MeterSpec::prometheusName).toList();

    assertThat(names).doesNotHaveDuplicates().allMatch(name -> name.startsWith("gitops_"));
    assertThat(MeterCatalog.all())
        .allSatisfy(spec -> assertThat(LOW_CARDINALITY_TAGS).containsAll(spec.tagKeys()));
  }

  @Test
  void tagValuesMustMatchTheDeclaredKeys() {
    assertThat(MeterCatalog.CLUSTER_OBJECTS.tags("prod", "apps", "Deployment"))
        .containsExactly("cluster", "prod", "group", "apps", "kind", "Deployment");
    assertThatThrownBy(() -> MeterCatalog.CLUSTER_OBJECTS.tags("prod", "Deployment"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[cluster, group, kind]");
  }
}
