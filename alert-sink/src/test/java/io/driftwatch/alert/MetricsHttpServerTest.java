package io.driftwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.alert.metrics.DriftAggregatesBinder;
import io.driftwatch.model.DriftAggregate;
import io.driftwatch.model.DriftType;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsHttpServerTest {

  private final HttpClient client = HttpClient.newHttpClient();
  private final AtomicBoolean streamHealthy = new AtomicBoolean(true);
  private Telemetry telemetry;
  private MetricsHttpServer server;

  @BeforeEach
  void start() throws Exception {
    telemetry = new Telemetry();
    DriftAggregatesBinder binder = new DriftAggregatesBinder();
    binder.bindTo(telemetry.registry());
    DriftAggregate missing =
        DriftAggregate.resources("prod", "shop", "apps", "Deployment", DriftType.MISSING_LIVE, 1);
    binder.record(missing.key(), missing);
    binder.refresh();
    Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    checks.put("drift-stream", streamHealthy::get);
    checks.put("alert-sink", () -> true);
    server =
        new MetricsHttpServer(telemetry.registry(), new InetSocketAddress("127.0.0.1", 0), checks);
  }

  @AfterEach
  void stop() {
    server.close();
    telemetry.close();
  }

  @Test
  void metricsServesPrometheusTextWithDriftAndJvmMeters() throws Exception {
    HttpResponse<String> response = get("/metrics");

    assertThat(server.port()).isPositive();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body())
        .contains(
            "gitops_drift_resources{cluster=\"prod\",drift_type=\"MISSING_LIVE\",kind=\"Deployment\",namespace=\"shop\"} 1")
        .contains("jvm_memory_used_bytes")
        .contains("jvm_gc_")
        .contains("jvm_threads_live_threads")
        .contains("jvm_classes_loaded_classes")
        .contains("process_uptime_seconds")
        .contains("system_cpu_count")
        .contains("process_files_open_files");
  }

  @Test
  void healthzIsOkWhenEveryComponentIsHealthy() throws Exception {
    HttpResponse<String> response = get("/healthz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok\n");
  }

  @Test
  void healthzNamesTheUnhealthyComponents() throws Exception {
    streamHealthy.set(false);

    HttpResponse<String> response = get("/healthz");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("drift-stream").doesNotContain("alert-sink");
  }

  @Test
  void unknownPathIsNotFound() throws Exception {
    assertThat(get("/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void nonGetIsMethodNotAllowed() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
