package io.driftwatch.alert;

import io.driftwatch.alert.metrics.DriftResourcesBinder;
import io.driftwatch.model.Component;
import io.driftwatch.model.KafkaSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The alert-sink component: keeps driftwatch's meters in the given registry up to date from the
 * drift topics. The launcher owns the registry and the {@link MetricsHttpServer} (so that every
 * component subcommand can serve {@code /metrics}); this component only feeds the registry.
 */
public final class AlertSink implements Component {

  public static final String NAME = "alert-sink";

  private final AlertSinkConfig config;
  private final DriftResourcesBinder driftResources;
  private final DriftStatusSource driftStatus;

  /** Binds the meters at once (they read empty until {@link #start()} has read the topics). */
  public AlertSink(AlertSinkConfig config, KafkaSettings kafka, PrometheusMeterRegistry registry) {
    this.config = config;
    this.driftResources = new DriftResourcesBinder();
    driftResources.bindTo(registry);
    this.driftStatus = new DriftStatusSource(kafka, driftResources);
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
    driftStatus.start();
  }

  @Override
  public boolean healthy() {
    return driftStatus.healthy();
  }

  @Override
  public void close() {
    driftStatus.close();
  }
}
