package io.driftwatch.alert;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /metrics} (the Prometheus text format) and {@code GET /healthz} (200 when every
 * health check passes, else 503 naming the unhealthy components) on the JDK's HTTP server. It
 * listens from construction until {@link #close()}.
 */
public final class MetricsHttpServer implements AutoCloseable {

  /** The Prometheus text exposition format that {@link PrometheusMeterRegistry#scrape()} writes. */
  public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final String TEXT = "text/plain; charset=utf-8";
  private static final Logger LOG = LoggerFactory.getLogger(MetricsHttpServer.class);

  private final PrometheusMeterRegistry registry;
  private final Map<String, BooleanSupplier> healthChecks;
  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * Binds and starts serving.
   *
   * @param address where to listen; port 0 picks a free port (see {@link #port()})
   * @param healthChecks component name to "is it healthy", in the order they are reported
   * @throws IOException when the address cannot be bound (the message names it)
   */
  public MetricsHttpServer(
      PrometheusMeterRegistry registry,
      InetSocketAddress address,
      Map<String, BooleanSupplier> healthChecks)
      throws IOException {
    this(registry, address, healthChecks, Map.of());
  }

  /**
   * Binds and starts serving, with other components' endpoints beside {@code /metrics}.
   *
   * @param routes path prefix (such as {@code /hooks/}) to the handler of every path under it
   */
  public MetricsHttpServer(
      PrometheusMeterRegistry registry,
      InetSocketAddress address,
      Map<String, BooleanSupplier> healthChecks,
      Map<String, HttpHandler> routes)
      throws IOException {
    this.registry = registry;
    this.healthChecks = new LinkedHashMap<>(healthChecks);
    try {
      this.server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new IOException(
          "Cannot serve metrics on " + address + ": " + e.getMessage() + " (is the port in use?)",
          e);
    }
    this.executor =
        Executors.newFixedThreadPool(
            2,
            runnable -> {
              Thread thread = new Thread(runnable, "driftwatch-metrics-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    routes.forEach(server::createContext);
    server.start();
    LOG.info("Serving /metrics and /healthz on {}", server.getAddress());
  }

  /** The bound port (the chosen one when constructed with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The bound address. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.equals("/metrics") && !path.equals("/healthz")) {
        respond(exchange, 404, TEXT, "not found: try /metrics or /healthz\n");
        return;
      }
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        respond(exchange, 405, TEXT, "method not allowed: use GET\n");
        return;
      }
      if (path.equals("/metrics")) {
        respond(exchange, 200, PROMETHEUS_CONTENT_TYPE, registry.scrape());
      } else {
        health(exchange);
      }
    } catch (RuntimeException e) {
      LOG.warn("Failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
    }
  }

  private void health(HttpExchange exchange) throws IOException {
    List<String> unhealthy = new ArrayList<>();
    healthChecks.forEach(
        (name, check) -> {
          boolean healthy;
          try {
            healthy = check.getAsBoolean();
          } catch (RuntimeException e) {
            healthy = false;
          }
          if (!healthy) {
            unhealthy.add(name);
          }
        });
    if (unhealthy.isEmpty()) {
      respond(exchange, 200, TEXT, "ok\n");
    } else {
      respond(exchange, 503, TEXT, "unhealthy: " + String.join(", ", unhealthy) + "\n");
    }
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
