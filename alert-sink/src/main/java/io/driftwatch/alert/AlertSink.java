package io.driftwatch.alert;

import io.driftwatch.alert.metrics.DriftAggregatesBinder;
import io.driftwatch.alert.metrics.SourceStatusBinder;
import io.driftwatch.model.Component;
import io.driftwatch.model.DriftAggregate;
import io.driftwatch.model.KafkaSettings;
import io.driftwatch.model.SourceStatus;
import io.driftwatch.model.topic.Topics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The alert-sink component: keeps driftwatch's meters in the given registry up to date from the
 * compacted topics (the drift aggregates drift-stream computes, and source status). The launcher
 * owns the registry and the {@link MetricsHttpServer} (so that every component subcommand can serve
 * {@code /metrics}); this component only feeds the registry.
 */
public final class AlertSink implements Component {

  public static final String NAME = "alert-sink";

  private final AlertSinkConfig config;
  private final CompactedTopicSource<String, DriftAggregate> driftAggregates;
  private final CompactedTopicSource<String, SourceStatus> sourceStatus;

  /** Binds the meters at once (they read empty until {@link #start()} has read the topics). */
  public AlertSink(AlertSinkConfig config, KafkaSettings kafka, PrometheusMeterRegistry registry) {
    this.config = config;
    DriftAggregatesBinder aggregates = new DriftAggregatesBinder();
    aggregates.bindTo(registry);
    this.driftAggregates = new CompactedTopicSource<>(kafka, Topics.DRIFT_AGGREGATES, aggregates);
    SourceStatusBinder sources = new SourceStatusBinder();
    sources.bindTo(registry);
    this.sourceStatus = new CompactedTopicSource<>(kafka, Topics.SOURCE_STATUS, sources);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Where the launcher should serve {@code /metrics}. */
  public AlertSinkConfig config() {
    return config;
  }

  @Override
  public void start() {
    driftAggregates.start();
    sourceStatus.start();
  }

  @Override
  public boolean healthy() {
    return driftAggregates.healthy() && sourceStatus.healthy();
  }

  @Override
  public void close() {
    driftAggregates.close();
    sourceStatus.close();
  }
}
