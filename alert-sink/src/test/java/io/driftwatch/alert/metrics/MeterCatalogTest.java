package io.driftwatch.alert.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.model.DriftStatus;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.SourceOrigin;
import io.driftwatch.model.SourcePhase;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.SyncStatus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterCatalogTest {

  @Test
  void catalogNamesAreTheNamesPrometheusShows() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DriftResourcesBinder binder = new DriftResourcesBinder();
    binder.bindTo(registry);
    ResourceKey web = ResourceKey.of("prod", "apps/v1", "Deployment", "shop", "web");
    binder.record(
        web,
        DriftStatus.of(
            web,
            SyncStatus.OUT_OF_SYNC,
            DriftType.MODIFIED,
            List.of(),
            "c",
            Instant.EPOCH,
            Instant.EPOCH));
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
    assertThat(scrape)
        .contains("gitops_source_last_success_timestamp_seconds{source=\"git:fleet\"} 0.0")
        .contains("gitops_source_consecutive_failures{source=\"git:fleet\"} 0.0");
    for (MeterSpec spec : MeterCatalog.all()) {
      assertThat(scrape).contains("# TYPE " + spec.prometheusName() + " ");
    }
  }
}
