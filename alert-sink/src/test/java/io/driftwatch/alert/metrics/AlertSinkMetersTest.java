package io.driftwatch.alert.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.DriftAggregate;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.SourceOrigin;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.telemetry.MeterCatalog;
import io.driftwatch.telemetry.MeterSpec;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertSinkMetersTest {

  @Test
  void alertSinkMetersAreScrapedUnderTheirCatalogueNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DriftAggregatesBinder binder = new DriftAggregatesBinder();
    binder.bindTo(registry);
    DriftAggregate modified =
        DriftAggregate.resources("prod", "shop", "apps", "Deployment", DriftType.MODIFIED, 1);
    binder.record(modified.key(), modified);
    DriftAggregate oldest = DriftAggregate.oldestOpen("prod", "shop", Instant.now());
    binder.record(oldest.key(), oldest);
    binder.refresh();
    SourceStatusBinder sources = new SourceStatusBinder();
    sources.bindTo(registry);
    sources.record(
        "git:fleet",
        SourceStatus.of(
            "git:fleet", SourceOrigin.GIT, SourcePhase.SYNCED, "c", 3, Instant.EPOCH, null));
    sources.refresh();

    String scrape = registry.scrape();

    assertThat(MeterCatalog.DRIFT_RESOURCES.prometheusName()).isEqualTo("gitops_drift_resources");
    assertThat(scrape)
        .contains("# TYPE gitops_drift_resources gauge")
        .contains(
            "gitops_drift_resources{cluster=\"prod\",drift_type=\"MODIFIED\",kind=\"Deployment\",namespace=\"shop\"} 1");
    assertThat(MeterCatalog.DRIFT_OLDEST_OPEN.prometheusName())
        .isEqualTo("gitops_drift_oldest_open_seconds");
    assertThat(scrape)
        .contains("# TYPE gitops_drift_oldest_open_seconds gauge")
        .contains("gitops_drift_oldest_open_seconds{cluster=\"prod\",namespace=\"shop\"}");
    assertThat(scrape)
        .contains("gitops_source_last_success_timestamp_seconds{source=\"git:fleet\"} 0.0")
        .contains("gitops_source_consecutive_failures{source=\"git:fleet\"} 0.0");
    for (MeterSpec spec :
        List.of(
            MeterCatalog.DRIFT_RESOURCES,
            MeterCatalog.DRIFT_OLDEST_OPEN,
            MeterCatalog.SOURCE_LAST_SUCCESS,
            MeterCatalog.SOURCE_CONSECUTIVE_FAILURES)) {
      assertThat(scrape).contains("# TYPE " + spec.prometheusName() + " ");
    }
  }
}
