package io.driftwatch.drift.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends a query on to another instance and hands back its answer. Every request it sends carries
 * {@link #FORWARDED_HEADER}, and an instance answers such a request from its own stores only, so a
 * request travels at most one hop even while two instances disagree about who owns a key.
 */
public final class Forwarder {

  /** Marks a request sent by another instance; its value is the sender's host:port. */
  public static final String FORWARDED_HEADER = "X-Driftwatch-Forwarded-By";

  /** Names the instance whose stores answered (host:port). */
  public static final String SERVED_BY_HEADER = "X-Driftwatch-Served-By";

  /** How long another instance has to answer unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private static final String[] PASSED_HEADERS = {"Retry-After", SERVED_BY_HEADER};

  private final HostInfo self;
  private final Duration timeout;
  private final HttpClient client;

  /**
   * @param self this instance, named in {@link #FORWARDED_HEADER}
   * @param timeout how long to wait for another instance to connect and to answer
   */
  public Forwarder(HostInfo self, Duration timeout) {
    this.self = Objects.requireNonNull(self, "self");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "The query forwarding timeout must be positive, was "
              + timeout
              + ": use "
              + DEFAULT_TIMEOUT.toSeconds()
              + " s unless instances are far apart");
    }
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * GETs {@code pathAndQuery} (raw, as received) from {@code target}. A target that cannot be
   * reached or does not answer in time yields a 503 naming it, never an exception.
   */
  public CompletableFuture<Answer> get(HostInfo target, String pathAndQuery) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create("http://" + authority(target) + pathAndQuery))
              .timeout(timeout)
              .header(FORWARDED_HEADER, authority(self))
              .GET()
              .build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          Answer.error(
              500,
              "Cannot address instance "
                  + authority(target)
                  + " (its application.server): "
                  + e.getMessage()));
    }
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(Forwarder::answerOf)
        .exceptionally(failure -> unreachable(target, failure));
  }

  private static Answer answerOf(HttpResponse<byte[]> response) {
    Map<String, String> headers = new LinkedHashMap<>();
    HttpHeaders received = response.headers();
    for (String name : PASSED_HEADERS) {
      received.firstValue(name).ifPresent(value -> headers.put(name, value));
    }
    return new Answer(response.statusCode(), headers, response.body());
  }

  private Answer unreachable(HostInfo target, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    String what =
        cause instanceof HttpTimeoutException
            ? "did not answer within " + timeout.toMillis() + " ms"
            : "could not be reached (" + cause.getClass().getSimpleName() + describe(cause) + ")";
    return Answer.unavailable(
        "drift-stream instance "
            + authority(target)
            + " "
            + what
            + "; if it stopped, its partitions move to the other instances after the next"
            + " rebalance: retry");
  }

  private static String describe(Throwable cause) {
    return cause.getMessage() == null ? "" : ": " + cause.getMessage();
  }

  /** {@code host:port}, with brackets around an IPv6 literal. */
  static String authority(HostInfo host) {
    String name = host.host();
    boolean ipv6 = name.contains(":") && !name.startsWith("[");
    return (ipv6 ? "[" + name + "]" : name) + ":" + host.port();
  }
}
