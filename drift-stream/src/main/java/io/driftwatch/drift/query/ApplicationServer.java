package io.driftwatch.drift.query;

import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sets Kafka Streams' {@code application.server}: the host:port under which this instance's HTTP
 * server answers queries. Every instance publishes it in the group's metadata, which is how one
 * instance knows where to forward a query about a key another instance owns.
 */
public final class ApplicationServer {

  private static final Set<String> WILDCARDS =
      Set.of("0.0.0.0", "::", "[::]", "*", "0:0:0:0:0:0:0:0");

  private ApplicationServer() {}

  /**
   * Puts {@code application.server} = {@code host:port} into {@code streamsProperties}.
   *
   * @param host the name or IP under which the other instances reach this one (a pod IP or a
   *     headless-service name; not a wildcard bind address)
   * @param port the port the HTTP server is bound to (the actual one: bind first when it is 0)
   * @return this instance's address as Kafka Streams reports it in its metadata
   * @throws IllegalArgumentException when the host is empty or a wildcard, or the port is not
   *     1–65535; the message says what to give instead
   */
  public static HostInfo configure(Properties streamsProperties, String host, int port) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException(
          "application.server needs the host under which this drift-stream instance's HTTP server"
              + " is reachable by the other instances (such as the pod IP); it was empty");
    }
    String trimmed = host.strip();
    if (WILDCARDS.contains(trimmed)) {
      throw new IllegalArgumentException(
          "application.server host '"
              + trimmed
              + "' is a wildcard bind address, which other instances cannot forward queries to:"
              + " give the name or IP under which this instance is reachable (such as the pod IP)");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "application.server port must be 1-65535, was "
              + port
              + ": bind the HTTP server first and pass the port it actually got");
    }
    boolean ipv6 = trimmed.contains(":") && !trimmed.startsWith("[");
    String endpoint = (ipv6 ? "[" + trimmed + "]" : trimmed) + ":" + port;
    HostInfo self = HostInfo.buildFromEndpoint(endpoint);
    streamsProperties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, endpoint);
    return self;
  }
}
