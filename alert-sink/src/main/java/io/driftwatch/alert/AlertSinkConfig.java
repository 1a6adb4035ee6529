package io.driftwatch.alert;

import java.net.InetSocketAddress;

/**
 * Where the launcher serves {@code /metrics} and {@code /healthz}.
 *
 * @param bindAddress the interface to listen on ({@value #DEFAULT_BIND_ADDRESS}: every interface)
 * @param port the TCP port ({@value #DEFAULT_PORT} by default; 0 picks a free one)
 */
public record AlertSinkConfig(String bindAddress, int port) {

  public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
  public static final int DEFAULT_PORT = 9400;

  public AlertSinkConfig {
    if (bindAddress == null || bindAddress.isBlank()) {
      throw new IllegalArgumentException(
          "alert-sink bindAddress must not be empty: use "
              + DEFAULT_BIND_ADDRESS
              + " for every interface or 127.0.0.1 for this host only");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "alert-sink port must be between 0 and 65535 (0 picks a free port), was " + port);
    }
  }

  /** Every interface, port {@value #DEFAULT_PORT}. */
  public static AlertSinkConfig defaults() {
    return new AlertSinkConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT);
  }

  /** The address to bind the HTTP server to. */
  public InetSocketAddress socketAddress() {
    return new InetSocketAddress(bindAddress, port);
  }
}
