package io.driftwatch.drift.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.serde.Json;
import io.driftwatch.model.topic.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two query handlers, each on its own JDK HTTP server over its own real drift topology: instance A
 * holds cluster {@code alpha}, instance B cluster {@code beta}. Keys of cluster {@code gamma} are
 * where the two disagree about the owner (as during a rebalance), keys of {@code delta} have no
 * known owner. The instances are built once; each test starts from both serving and hosting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryHandlerTest {

  private static final ResourceKey ALPHA_WEB =
      ResourceKey.of("alpha", "apps/v1", "Deployment", "shop", "web");
  private static final ResourceKey ALPHA_API =
      ResourceKey.of("alpha", "apps/v1", "Deployment", "shop", "api");
  private static final ResourceKey ALPHA_DB =
      ResourceKey.of("alpha", "apps/v1", "StatefulSet", "data", "db");
  private static final ResourceKey BETA_SVC =
      ResourceKey.of("beta", "v1", "Service", "shop", "svc");
  private static final ResourceKey BETA_WORKER =
      ResourceKey.of("beta", "apps/v1", "Deployment", "jobs", "worker");

  private Path dir;

  private final HttpClient client = HttpClient.newHttpClient();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final List<String> requestsAtA = new CopyOnWriteArrayList<>();
  private final List<String> requestsAtB = new CopyOnWriteArrayList<>();
  private HttpServer serverA;
  private HttpServer serverB;
  private HostInfo hostA;
  private HostInfo hostB;
  private DriverInstance instanceA;
  private DriverInstance instanceB;

  @BeforeAll
  void startTwoInstances(@TempDir Path tempDir) throws IOException {
    this.dir = tempDir;
    serverA = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    serverB = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hostA = new HostInfo("127.0.0.1", serverA.getAddress().getPort());
    hostB = new HostInfo("127.0.0.1", serverB.getAddress().getPort());

    DriftFixture a = fixture(dir.resolve("a"), "query-handler-a");
    a.modified(ALPHA_WEB);
    a.synced(ALPHA_API);
    a.modified(ALPHA_DB);
    a.live(ALPHA_DB, 2);
    DriftFixture b = fixture(dir.resolve("b"), "query-handler-b");
    b.modified(BETA_SVC);
    b.desired(BETA_WORKER, 1);

    instanceA = new DriverInstance(a.driver(), hostA, owners(hostB)).hosts(hostA, hostB);
    instanceB = new DriverInstance(b.driver(), hostB, owners(hostA)).hosts(hostA, hostB);
    serve(serverA, requestsAtA, handler(instanceA));
    serve(serverB, requestsAtB, handler(instanceB));
  }

  @BeforeEach
  void everyInstanceServes() {
    requestsAtA.clear();
    requestsAtB.clear();
    instanceA.readiness(Readiness.SERVING);
    instanceA.hosts(hostA, hostB);
  }

  @AfterAll
  void stop() throws Exception {
    serverA.stop(0);
    serverB.stop(0);
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  @Test
  void aResourceOwnedHereIsAnsweredWithItsStatusDifferencesAndTransitions() throws Exception {
    HttpResponse<String> response = get(serverA, "resources/" + ALPHA_WEB);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(response.headers().firstValue(Forwarder.SERVED_BY_HEADER))
        .hasValue(authority(hostA));
    JsonNode body = json(response);
    assertThat(body.path("key").asText()).isEqualTo(ALPHA_WEB.toString());
    assertThat(body.path("status").path("syncStatus").asText()).isEqualTo("OUT_OF_SYNC");
    assertThat(body.path("status").path("driftType").asText()).isEqualTo("MODIFIED");
    assertThat(body.path("status").has("diffs")).as("differences are not repeated").isFalse();
    assertThat(body.path("differences")).hasSize(1);
    assertThat(body.path("differences").get(0).path("path").asText()).isEqualTo("/spec/replicas");
    assertThat(body.path("differences").get(0).path("live").asInt()).isEqualTo(5);
    assertThat(body.path("transitions")).hasSize(1);
    assertThat(body.path("transitions").get(0).path("transition").asText()).isEqualTo("OPENED");
  }

  @Test
  void aResourceOwnedByAnotherInstanceIsAnsweredByThatInstance() throws Exception {
    HttpResponse<String> response = get(serverA, "resources/" + BETA_SVC);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue(Forwarder.SERVED_BY_HEADER))
        .hasValue(authority(hostB));
    assertThat(json(response).path("key").asText()).isEqualTo("beta//Service/shop/svc");
    assertThat(json(response).path("status").path("driftType").asText()).isEqualTo("MODIFIED");
    assertThat(requestsAtB).containsExactly(authority(hostA));
  }

  @Test
  void transitionsAreNewestFirstAndAsManyAsAsked() throws Exception {
    JsonNode all = json(get(serverB, "resources/" + ALPHA_DB));
    JsonNode one = json(get(serverB, "resources/" + ALPHA_DB + "?transitions=1"));
    JsonNode none = json(get(serverB, "resources/" + ALPHA_DB + "?transitions=0"));

    assertThat(all.path("transitions"))
        .extracting(t -> t.path("transition").asText())
        .containsExactly("RESOLVED", "OPENED");
    assertThat(all.path("status").path("syncStatus").asText()).isEqualTo("SYNCED");
    assertThat(all.path("differences")).isEmpty();
    assertThat(one.path("transitions"))
        .extracting(t -> t.path("transition").asText())
        .containsExactly("RESOLVED");
    assertThat(none.path("transitions")).isEmpty();
  }

  @Test
  void anUnknownKeyIsNotFound() throws Exception {
    HttpResponse<String> response = get(serverB, "resources/alpha/apps/Deployment/shop/nope");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("error").asText())
        .contains("alpha/apps/Deployment/shop/nope")
        .contains(authority(hostA) + " owns its partition");
  }

  @Test
  void aMalformedKeyIsABadRequestNamingTheExpectedForm() throws Exception {
    HttpResponse<String> response = get(serverA, "resources/alpha/web");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("error").asText())
        .contains("cluster/group/kind/namespace/name")
        .contains("prod//Service/shop/web");
    assertThat(requestsAtB).isEmpty();
  }

  @Test
  void aBadTransitionsCountIsABadRequest() throws Exception {
    HttpResponse<String> negative = get(serverA, "resources/" + ALPHA_WEB + "?transitions=-1");
    HttpResponse<String> text = get(serverA, "resources/" + BETA_SVC + "?transitions=all");

    assertThat(List.of(negative, text))
        .allSatisfy(
            r -> {
              assertThat(r.statusCode()).isEqualTo(400);
              assertThat(json(r).path("error").asText())
                  .contains("Parameter 'transitions' must be a whole number from 0 to 1000");
            });
  }

  @Test
  void whileRebalancingTheAnswerIsUnavailableWithRetryAfter() throws Exception {
    instanceA.readiness(Readiness.of(KafkaStreams.State.REBALANCING));

    HttpResponse<String> keyed = get(serverA, "resources/" + ALPHA_WEB);
    HttpResponse<String> fleet = get(serverA, "drift");
    HttpResponse<String> forwardedToA = get(serverB, "resources/" + ALPHA_WEB);

    assertThat(List.of(keyed, fleet, forwardedToA))
        .allSatisfy(
            r -> {
              assertThat(r.statusCode()).isEqualTo(503);
              assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
              assertThat(json(r).path("error").asText()).contains("rebalancing");
            });
  }

  @Test
  void aKeyWithoutAKnownOwnerIsUnavailable() throws Exception {
    HttpResponse<String> response = get(serverA, "resources/delta/apps/Deployment/shop/web");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(json(response).path("error").asText()).contains("is not known yet");
  }

  @Test
  void whenTwoInstancesDisagreeAboutTheOwnerAQueryIsForwardedOnlyOnce() throws Exception {
    HttpResponse<String> response = get(serverA, "resources/gamma/apps/Deployment/shop/web");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response).path("error").asText()).contains("forwarded only once");
    assertThat(requestsAtA).containsExactly("client");
    assertThat(requestsAtB).containsExactly(authority(hostA));
  }

  @Test
  void aComponentsDeploymentStatusIsAnsweredByItsOwnerWhicheverInstanceIsAsked() throws Exception {
    HttpResponse<String> response = get(serverB, "deployments/alpha/shop/web");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue(Forwarder.SERVED_BY_HEADER))
        .hasValue(authority(hostA));
    JsonNode status = json(response);
    assertThat(status.path("scope").asText()).isEqualTo("COMPONENT");
    assertThat(status.path("environment").asText()).isEqualTo("alpha");
    assertThat(status.path("project").asText()).isEqualTo("shop");
    assertThat(status.path("component").asText()).isEqualTo("web");
    assertThat(status.path("phase").asText()).isNotEmpty();

    assertThat(get(serverA, "deployments/alpha/shop").statusCode()).isEqualTo(400);
    assertThat(get(serverA, "deployments/alpha/shop/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void theDeploymentListMergesEveryInstancesComponentsAndFiltersByEnvironment() throws Exception {
    JsonNode all = json(get(serverA, "deployments"));
    assertThat(all.path("components"))
        .extracting(c -> c.path("environment").asText() + "/" + c.path("component").asText())
        .contains("alpha/web", "alpha/api", "beta/svc");

    JsonNode beta = json(get(serverA, "deployments?environment=beta"));
    assertThat(beta.path("components"))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.path("environment").asText()).isEqualTo("beta"));
  }

  @Test
  void theFleetQueryMergesTheDriftedResourcesOfEveryInstance() throws Exception {
    HttpResponse<String> response = get(serverA, "drift");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(keys(body))
        .containsExactly(ALPHA_WEB.toString(), BETA_SVC.toString(), BETA_WORKER.toString());
    assertThat(body.path("count").asInt()).isEqualTo(3);
    assertThat(body.path("truncated").asBoolean()).isFalse();
    assertThat(body.path("instances"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(authority(hostA), authority(hostB));
    JsonNode worker = body.path("resources").get(2);
    assertThat(worker.path("driftType").asText()).isEqualTo(DriftType.MISSING_LIVE.name());
    assertThat(worker.path("cluster").asText()).isEqualTo("beta");
    assertThat(worker.path("namespace").asText()).isEqualTo("jobs");
    assertThat(worker.path("kind").asText()).isEqualTo("Deployment");
    assertThat(requestsAtB).containsExactly(authority(hostA));
  }

  @Test
  void theFleetQueryFiltersByClusterNamespaceKindAndStatus() throws Exception {
    assertThat(keys(json(get(serverA, "drift?cluster=beta"))))
        .containsExactly(BETA_SVC.toString(), BETA_WORKER.toString());
    assertThat(keys(json(get(serverB, "drift?namespace=shop"))))
        .containsExactly(ALPHA_WEB.toString(), BETA_SVC.toString());
    assertThat(keys(json(get(serverB, "drift?kind=Deployment&cluster=alpha"))))
        .containsExactly(ALPHA_WEB.toString());
    assertThat(keys(json(get(serverA, "drift?status=SYNCED"))))
        .containsExactly(ALPHA_API.toString(), ALPHA_DB.toString());
    assertThat(keys(json(get(serverA, "drift?status=out_of_sync,SYNCED&cluster=alpha"))))
        .containsExactly(ALPHA_API.toString(), ALPHA_WEB.toString(), ALPHA_DB.toString());
    assertThat(keys(json(get(serverA, "drift?cluster=omega")))).isEmpty();
  }

  @Test
  void anUnknownStatusIsABadRequestListingTheKnownOnes() throws Exception {
    HttpResponse<String> response = get(serverA, "drift?status=DRIFTED");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("error").asText())
        .contains("'DRIFTED'")
        .contains("SYNCED, OUT_OF_SYNC, PENDING, UNKNOWN");
    assertThat(requestsAtB).as("nothing is asked of the others").isEmpty();
  }

  @Test
  void aLimitCutsTheMergedListAndSaysSo() throws Exception {
    JsonNode body = json(get(serverB, "drift?limit=2"));

    assertThat(keys(body)).containsExactly(ALPHA_WEB.toString(), BETA_SVC.toString());
    assertThat(body.path("truncated").asBoolean()).isTrue();
  }

  @Test
  void theFleetQueryIsUnavailableNamingAnInstanceThatDoesNotAnswer() throws Exception {
    HostInfo gone;
    try (ServerSocket socket = new ServerSocket(0)) {
      gone = new HostInfo("127.0.0.1", socket.getLocalPort());
    }
    instanceA.hosts(hostA, hostB, gone);

    HttpResponse<String> response = get(serverA, "drift");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(json(response).path("error").asText())
        .contains("instance " + authority(gone) + " could not be reached");
  }

  @Test
  void onlyGetIsAllowed() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri(serverA, "drift"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void anUnknownCollectionIsNotFoundAndListsWhatIsServed() throws Exception {
    HttpResponse<String> response = get(serverA, "releases");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("error").asText())
        .contains("/api/v1/resources/{key}")
        .contains("/api/v1/deployments/{key}")
        .contains("/api/v1/drift")
        .contains("/api/v1/histories");
  }

  @Test
  void anotherStoreIsQueryableOnceItsRoutesAreRegistered() throws Exception {
    HttpResponse<String> keyed = get(serverA, "histories/" + BETA_SVC);
    HttpResponse<String> fleet = get(serverB, "histories");

    assertThat(keyed.statusCode()).isEqualTo(200);
    assertThat(keyed.headers().firstValue(Forwarder.SERVED_BY_HEADER)).hasValue(authority(hostB));
    assertThat(json(keyed).path("transitions")).hasSize(1);
    assertThat(json(fleet).path("histories"))
        .extracting(n -> n.path("key").asText())
        .containsExactly(
            ALPHA_WEB.toString(), ALPHA_DB.toString(), BETA_SVC.toString(), BETA_WORKER.toString());
  }

  /** drift-stream's routes, plus one for the history store: what registering a store takes. */
  private static QueryHandler handler(StreamsInstance instance) {
    QueryRoutes routes =
        QueryRoutes.drift()
            .keyed(
                "histories",
                new KeyedRoute<>(
                    TransitionHistory.STORE,
                    Topics.DRIFT_EVENTS.keySerde().serializer(),
                    ResourceRoute::parseKey,
                    (local, key, partition, parameters) ->
                        Optional.ofNullable(
                            local
                                .<ResourceKey, RecentTransitions>keyValueStore(
                                    TransitionHistory.STORE, partition)
                                .get(key))))
            .fleet(
                "histories",
                new FleetRoute(
                    TransitionHistory.STORE,
                    "histories",
                    "key",
                    (local, parameters) -> {
                      List<HistorySize> sizes = new ArrayList<>();
                      try (KeyValueIterator<ResourceKey, RecentTransitions> all =
                          local
                              .<ResourceKey, RecentTransitions>keyValueStore(
                                  TransitionHistory.STORE)
                              .all()) {
                        all.forEachRemaining(
                            e -> sizes.add(new HistorySize(e.key, e.value.transitions().size())));
                      }
                      return sizes;
                    }));
    return new QueryHandler(instance, routes, Duration.ofSeconds(5));
  }

  record HistorySize(ResourceKey key, int transitions) {}

  /** The owner of each test cluster's keys; {@code gamma} is owned by {@code gammaOwner}. */
  private Function<String, HostInfo> owners(HostInfo gammaOwner) {
    return key -> {
      if (key.startsWith("alpha/")) {
        return hostA;
      }
      if (key.startsWith("beta/")) {
        return hostB;
      }
      return key.startsWith("gamma/") ? gammaOwner : null;
    };
  }

  private DriftFixture fixture(Path dir, String applicationId) {
    DriftFixture fixture = new DriftFixture(dir, applicationId);
    closing.add(fixture);
    return fixture;
  }

  private static void serve(HttpServer server, List<String> requests, HttpHandler handler) {
    server.createContext(
        QueryHandler.PREFIX,
        exchange -> {
          String forwardedBy = exchange.getRequestHeaders().getFirst(Forwarder.FORWARDED_HEADER);
          requests.add(forwardedBy == null ? "client" : forwardedBy);
          handler.handle(exchange);
        });
    server.start();
  }

  private HttpResponse<String> get(HttpServer server, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(server, path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(HttpServer server, String path) {
    return URI.create(
        "http://127.0.0.1:" + server.getAddress().getPort() + QueryHandler.PREFIX + path);
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + response.body(), e);
    }
  }

  private static List<String> keys(JsonNode body) {
    List<String> keys = new ArrayList<>();
    body.path("resources").forEach(node -> keys.add(node.path("key").asText()));
    return keys;
  }

  private static String authority(HostInfo host) {
    return host.host() + ":" + host.port();
  }
}
