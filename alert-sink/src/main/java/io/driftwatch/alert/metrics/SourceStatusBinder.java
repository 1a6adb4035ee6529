package io.driftwatch.alert.metrics;

import io.driftwatch.model.SourceStatus;
import io.driftwatch.telemetry.MeterCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exposes the freshness of every source from {@code gitops.source-status.v1}: {@link
 * MeterCatalog#SOURCE_LAST_SUCCESS} and {@link MeterCatalog#SOURCE_CONSECUTIVE_FAILURES}, one
 * series per source (a Git source, or one watched kind of one cluster). A source whose status is
 * tombstoned loses its series.
 */
public final class SourceStatusBinder implements MeterBinder, TopicBinder<String, SourceStatus> {

  private final Map<String, SourceStatus> statuses = new TreeMap<>();
  private MultiGauge lastSuccess;
  private MultiGauge failures;

  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    lastSuccess = MeterCatalog.SOURCE_LAST_SUCCESS.registerMultiGauge(registry);
    failures = MeterCatalog.SOURCE_CONSECUTIVE_FAILURES.registerMultiGauge(registry);
    refresh();
  }

  @Override
  public synchronized void record(String source, SourceStatus status) {
    if (status == null) {
      statuses.remove(source);
    } else {
      statuses.put(source, status);
    }
  }

  @Override
  public synchronized void refresh() {
    if (lastSuccess == null) {
      return;
    }
    List<MultiGauge.Row<?>> successRows = new ArrayList<>();
    List<MultiGauge.Row<?>> failureRows = new ArrayList<>();
    statuses.forEach(
        (source, status) -> {
          Tags tags = Tags.of(MeterCatalog.TAG_SOURCE, source);
          // A source that never succeeded has no last-success series: absent, not "1970".
          if (status.lastSuccessAt() != null) {
            successRows.add(
                MultiGauge.Row.of(tags, status.lastSuccessAt().toEpochMilli() / 1000.0));
          }
          failureRows.add(MultiGauge.Row.of(tags, status.consecutiveFailures()));
        });
    lastSuccess.register(successRows, true);
    failures.register(failureRows, true);
  }
}
