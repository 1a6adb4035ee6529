package io.driftwatch.launcher.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.diff.DiffResult;
import io.driftwatch.model.DriftType;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffReportTest {

  @Test
  void resourcesAreSortedByKey() {
    assertThat(Reports.mixed().resources())
        .extracting(r -> r.key().toString())
        .containsExactly(
            "/ConfigMap/shop/settings",
            "/Service/shop/api",
            "apps/Deployment/shop/api",
            "rbac.authorization.k8s.io/Role/shop/debug");
  }

  @Test
  void anyDriftExitsOne() {
    assertThat(Reports.mixed().inSync()).isFalse();
    assertThat(Reports.mixed().exitCode()).isEqualTo(1);
  }

  @Test
  void extraLiveAloneIsDrift() {
    DiffReport report =
        new DiffReport(
            List.of(
                Reports.resource(
                    "", "ConfigMap", "a", "b", new DiffResult(DriftType.EXTRA_LIVE, List.of()))));

    assertThat(report.exitCode()).isEqualTo(DiffReport.EXIT_DRIFT);
  }

  @Test
  void allInSyncOrNothingToCompareExitsZero() {
    DiffReport report =
        new DiffReport(
            List.of(
                Reports.resource(
                    "", "ConfigMap", "a", "b", new DiffResult(DriftType.NONE, List.of()))));

    assertThat(report.exitCode()).isZero();
    assertThat(new DiffReport(List.of()).exitCode()).isZero();
  }

  @Test
  void theSummaryCountsEachVerdict() {
    assertThat(Reports.mixed().summary())
        .isEqualTo("4 resources: 1 in sync, 1 drifted, 1 missing live, 1 extra live");
  }
}
