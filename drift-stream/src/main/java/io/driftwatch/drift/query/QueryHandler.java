package io.driftwatch.drift.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.driftwatch.model.serde.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the {@link QueryRoutes} under {@value #PREFIX} as JSON, mountable on any JDK {@code
 * HttpServer}. A keyed query is answered from the local stores when this instance owns the key's
 * partition and forwarded (once) to the owner otherwise; a fleet query asks every instance hosting
 * the store for its part and merges. The exchange is completed when the answer is ready, so a
 * server thread never waits on another instance.
 */
public final class QueryHandler implements HttpHandler {

  /** The path prefix to mount the handler under. */
  public static final String PREFIX = "/api/v1/";

  /** The parameter capping how many items a fleet query returns. */
  static final String LIMIT = "limit";

  /** How many items a fleet query returns unless {@value #LIMIT} says otherwise. */
  static final int DEFAULT_LIMIT = 1000;

  static final int MAX_LIMIT = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(QueryHandler.class);

  private final StreamsInstance instance;
  private final QueryRoutes routes;
  private final Forwarder forwarder;
  private final String self;

  /**
   * @param instance the local Kafka Streams instance
   * @param routes what is served; copied, so later registrations do not change this handler
   * @param forwardTimeout how long another instance has to answer a forwarded query
   */
  public QueryHandler(StreamsInstance instance, QueryRoutes routes, Duration forwardTimeout) {
    this.instance = Objects.requireNonNull(instance, "instance");
    this.routes = routes.copy();
    this.forwarder = new Forwarder(instance.self(), forwardTimeout);
    this.self = Forwarder.authority(instance.self());
  }

  /**
   * The handler of drift-stream's own routes ({@link QueryRoutes#drift()}) with the default
   * forwarding timeout.
   *
   * @param self this instance's {@code application.server}, as {@link ApplicationServer#configure}
   *     returned it
   */
  public static QueryHandler forDriftStream(KafkaStreams streams, HostInfo self) {
    return new QueryHandler(
        new KafkaStreamsInstance(streams, self), QueryRoutes.drift(), Forwarder.DEFAULT_TIMEOUT);
  }

  @Override
  public void handle(HttpExchange exchange) {
    CompletableFuture<Answer> answer;
    try {
      answer =
          answer(
              exchange.getRequestMethod(),
              exchange.getRequestURI(),
              exchange.getRequestHeaders().getFirst(Forwarder.FORWARDED_HEADER));
    } catch (RuntimeException e) {
      answer = CompletableFuture.completedFuture(failure(exchange, e));
    }
    answer.whenComplete(
        (done, failure) -> respond(exchange, done != null ? done : failure(exchange, failure)));
  }

  private CompletableFuture<Answer> answer(String method, URI uri, String forwardedBy) {
    if (!"GET".equals(method)) {
      return done(Answer.error(405, "Method " + method + " is not allowed: queries are GET"))
          .thenApply(a -> a.withHeader("Allow", "GET"));
    }
    String path = uri.getPath();
    if (path == null || !path.startsWith(PREFIX)) {
      return done(notFound(path));
    }
    String rest = path.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    String collection = slash < 0 ? rest : rest.substring(0, slash);
    String pathAndQuery =
        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Request request =
        new Request(
            collection, pathAndQuery, QueryParameters.parse(uri.getRawQuery()), forwardedBy);
    try {
      if (slash < 0) {
        Optional<FleetRoute> fleet = routes.fleetRoute(collection);
        return fleet.isPresent() ? fleet(fleet.get(), request) : done(notFound(path));
      }
      Optional<KeyedRoute<?>> keyed = routes.keyedRoute(collection);
      return keyed.isPresent()
          ? keyed(keyed.get(), rest.substring(slash + 1), request)
          : done(notFound(path));
    } catch (BadQueryException e) {
      return done(Answer.error(400, e.getMessage()));
    } catch (UnknownStateStoreException e) {
      return done(missingStore(e));
    } catch (InvalidStateStoreException e) {
      return done(Answer.unavailable(storesUnavailable(e)));
    }
  }

  private <K> CompletableFuture<Answer> keyed(KeyedRoute<K> route, String text, Request request) {
    if (text.isEmpty()) {
      throw new BadQueryException(
          "The key is missing: ask " + PREFIX + request.collection() + "/<key>");
    }
    K key = route.keys().parse(text);
    Readiness readiness = instance.readiness();
    if (!readiness.serving()) {
      return done(Answer.unavailable(readiness.reason() + "; retry shortly"));
    }
    Optional<KeyOwner> owner = instance.ownerOf(route.store(), key, route.keySerializer());
    if (owner.isEmpty()) {
      return done(
          Answer.unavailable(
              "Which instance owns '"
                  + text
                  + "' is not known yet: drift-stream is rebalancing; retry shortly"));
    }
    HostInfo host = owner.get().host();
    if (host.equals(instance.self())) {
      Optional<?> value =
          route.query().answer(instance, key, owner.get().partition(), request.parameters());
      Answer answer =
          value.isPresent()
              ? Answer.ok(value.get())
              : Answer.error(
                  404,
                  "Nothing is known about '"
                      + text
                      + "' in "
                      + PREFIX
                      + request.collection()
                      + " (keys are case-sensitive; "
                      + self
                      + " owns its partition and has no entry for it)");
      return done(answer.withHeader(Forwarder.SERVED_BY_HEADER, self));
    }
    if (request.forwardedBy() != null) {
      return done(
          Answer.unavailable(
              "Instance "
                  + self
                  + " was sent this query by "
                  + request.forwardedBy()
                  + ", but the group's metadata says "
                  + Forwarder.authority(host)
                  + " owns '"
                  + text
                  + "': its partition moved meanwhile; a query is forwarded only once, retry"));
    }
    return forwarder.get(host, request.pathAndQuery());
  }

  private CompletableFuture<Answer> fleet(FleetRoute route, Request request) {
    int limit = request.parameters().integer(LIMIT, DEFAULT_LIMIT, 1, MAX_LIMIT);
    Readiness readiness = instance.readiness();
    if (!readiness.serving()) {
      return done(Answer.unavailable(readiness.reason() + "; retry shortly"));
    }
    Part local = localPart(route, request.parameters(), limit);
    if (request.forwardedBy() != null) {
      return done(envelope(route, local).withHeader(Forwarder.SERVED_BY_HEADER, self));
    }
    Set<HostInfo> hosts = instance.hostsOf(route.store());
    List<HostInfo> others = hosts.stream().filter(h -> !h.equals(instance.self())).toList();
    List<CompletableFuture<Answer>> asked =
        others.stream().map(host -> forwarder.get(host, request.pathAndQuery())).toList();
    return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new))
        .thenApply(
            ignored -> {
              List<Part> parts = new ArrayList<>();
              parts.add(local);
              for (int i = 0; i < asked.size(); i++) {
                Answer remote = asked.get(i).join();
                if (remote.status() != 200) {
                  return remote;
                }
                Optional<Part> part = partOf(route, remote);
                if (part.isEmpty()) {
                  return Answer.error(
                      502,
                      "Instance "
                          + Forwarder.authority(others.get(i))
                          + " answered "
                          + PREFIX
                          + request.collection()
                          + " with something that is not a query answer: is it a drift-stream"
                          + " of the same version, and is its application.server this port?");
                }
                parts.add(part.get());
              }
              return envelope(route, merge(route, parts, limit));
            });
  }

  /** One instance's items (sorted, at most the limit), whether it cut some, and who answered. */
  private record Part(List<JsonNode> items, boolean truncated, Set<String> instances) {}

  private Part localPart(FleetRoute route, QueryParameters parameters, int limit) {
    List<JsonNode> items = new ArrayList<>();
    for (Object item : route.part().items(instance, parameters)) {
      items.add(Json.mapper().valueToTree(item));
    }
    Part all = new Part(items, false, Set.of(self));
    return merge(route, List.of(all), limit);
  }

  private static Part merge(FleetRoute route, List<Part> parts, int limit) {
    List<JsonNode> items = new ArrayList<>();
    Set<String> instances = new TreeSet<>();
    boolean truncated = false;
    for (Part part : parts) {
      items.addAll(part.items());
      instances.addAll(part.instances());
      truncated |= part.truncated();
    }
    items.sort(Comparator.comparing(node -> node.path(route.sortField()).asText()));
    if (items.size() > limit) {
      items = new ArrayList<>(items.subList(0, limit));
      truncated = true;
    }
    return new Part(items, truncated, instances);
  }

  private static Answer envelope(FleetRoute route, Part part) {
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode items = body.putArray(route.itemsField());
    part.items().forEach(items::add);
    body.put("count", part.items().size());
    body.put("truncated", part.truncated());
    ArrayNode instances = body.putArray("instances");
    part.instances().forEach(instances::add);
    return Answer.ok(body);
  }

  private static Optional<Part> partOf(FleetRoute route, Answer answer) {
    JsonNode body;
    try {
      body = Json.mapper().readTree(answer.body());
    } catch (IOException e) {
      return Optional.empty();
    }
    if (body == null || !body.path(route.itemsField()).isArray()) {
      return Optional.empty();
    }
    List<JsonNode> items = new ArrayList<>();
    body.path(route.itemsField()).forEach(items::add);
    Set<String> instances = new TreeSet<>();
    body.path("instances").forEach(node -> instances.add(node.asText()));
    return Optional.of(new Part(items, body.path("truncated").asBoolean(false), instances));
  }

  private Answer notFound(String path) {
    return Answer.error(
        404,
        "No query at " + path + ": this instance answers " + String.join(", ", routes.paths()));
  }

  private static Answer missingStore(UnknownStateStoreException e) {
    return Answer.error(
        500,
        "A store this query reads is not in drift-stream's topology ("
            + e.getMessage()
            + "): the topology and the query routes do not match; this is a bug in how the"
            + " route was registered");
  }

  private static String storesUnavailable(InvalidStateStoreException e) {
    return "drift-stream's stores cannot be queried right now (they are being restored or are"
        + " moving to another instance: "
        + e.getMessage()
        + "); retry shortly";
  }

  private Answer failure(HttpExchange exchange, Throwable failure) {
    Throwable cause =
        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof BadQueryException bad) {
      return Answer.error(400, bad.getMessage());
    }
    if (cause instanceof UnknownStateStoreException unknown) {
      return missingStore(unknown);
    }
    if (cause instanceof InvalidStateStoreException unavailable) {
      return Answer.unavailable(storesUnavailable(unavailable));
    }
    LOG.warn(
        "Failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), cause);
    return Answer.error(
        500, "The query failed on " + self + ": " + cause.getClass().getSimpleName());
  }

  private static void respond(HttpExchange exchange, Answer answer) {
    try (exchange) {
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.getResponseHeaders().set("Content-Type", Answer.CONTENT_TYPE);
      exchange.sendResponseHeaders(answer.status(), answer.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    } catch (IOException e) {
      LOG.debug("Could not send the answer to {}: {}", exchange.getRemoteAddress(), e.toString());
    }
  }

  private static CompletableFuture<Answer> done(Answer answer) {
    return CompletableFuture.completedFuture(answer);
  }

  private record Request(
      String collection, String pathAndQuery, QueryParameters parameters, String forwardedBy) {}
}
