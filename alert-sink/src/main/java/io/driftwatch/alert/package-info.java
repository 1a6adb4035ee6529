/**
 * alert-sink: turns the drift topics into Prometheus metrics. {@link io.driftwatch.alert.AlertSink}
 * is the component that reads the topics into the meters, {@link io.driftwatch.alert.Telemetry}
 * creates the process's registry with JVM and process meters, and {@link
 * io.driftwatch.alert.MetricsHttpServer} serves {@code /metrics} and {@code /healthz} for every
 * component the launcher runs.
 */
package io.driftwatch.alert;
