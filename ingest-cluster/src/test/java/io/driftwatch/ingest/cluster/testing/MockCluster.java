package io.driftwatch.ingest.cluster.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's mock API server in CRUD mode (list, watch, create, edit, delete, status), which is what
 * the informers of ingest-cluster run against in the ITs, with a way to lose their watches as a
 * real API server does: events that never arrive, then 410 Gone.
 */
public final class MockCluster implements AutoCloseable {

  /** What the clients this mock creates send as Authorization. */
  private static final String OWN_AUTHORIZATION = "Bearer secret";

  private final KubernetesMockServer server;
  private final WatchLossDispatcher dispatcher;
  private final KubernetesClient client;

  private MockCluster(KubernetesMockServer server, WatchLossDispatcher dispatcher) {
    this.server = server;
    this.dispatcher = dispatcher;
    this.client = server.createClient();
  }

  /** A CRUD mock server on a free port. */
  public static MockCluster start() {
    WatchLossDispatcher dispatcher = new WatchLossDispatcher();
    KubernetesMockServer server = crudServer(dispatcher);
    server.init();
    return new MockCluster(server, dispatcher);
  }

  /** A CRUD mock server on the given loopback port. */
  public static MockCluster startOn(int port) {
    WatchLossDispatcher dispatcher = new WatchLossDispatcher();
    KubernetesMockServer server = crudServer(dispatcher);
    server.init(InetAddress.getLoopbackAddress(), port);
    return new MockCluster(server, dispatcher);
  }

  private static KubernetesMockServer crudServer(WatchLossDispatcher dispatcher) {
    return new KubernetesMockServer(
        new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
  }

  /**
   * From now on, the watches open now receive no event: what changes meanwhile is missed, as when a
   * watch connection is silently lost or the server compacted its events.
   */
  public void dropWatchEvents() {
    dispatcher.dropEvents();
  }

  /**
   * Ends every open watch with a 410 Gone ERROR event, as a real API server does when a watch
   * resumes from a compacted resourceVersion; fabric8's informer then lists again.
   */
  public void expireWatches() {
    dispatcher.expire();
  }

  /** How many watch requests the server has accepted so far. */
  public int watchRequests() {
    return dispatcher.watchRequests();
  }

  /** How many watches are open now. */
  public int openWatches() {
    return dispatcher.openWatches();
  }

  /** A client for the test to create, edit and delete objects with. */
  public KubernetesClient client() {
    return client;
  }

  /** A separate client for ingest-cluster, which closes the clients it is given. */
  public KubernetesClient newClient() {
    return server.createClient();
  }

  /** The server's base URL, such as {@code http://localhost:41234}. */
  public String url() {
    String url = server.url("/");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * The distinct Authorization headers of the requests received since the last call, except those
   * of this mock's own clients ({@code Bearer secret}) and of requests without one.
   */
  public List<String> takeOtherClientsAuthorizations() {
    List<String> headers = new ArrayList<>();
    try {
      RecordedRequest request;
      while ((request = server.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
        String header = request.getHeader("Authorization");
        if (header != null && !header.equals(OWN_AUTHORIZATION) && !headers.contains(header)) {
          headers.add(header);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return headers;
  }

  @Override
  public void close() {
    client.close();
    try {
      server.destroy();
    } catch (IllegalStateException e) {
      // The mock server's shutdown waits a few seconds for its connections and gives up with a
      // TimeoutException on a busy machine; by then the test has passed or failed on its own
      // assertions, and the port is released when the JVM ends.
      if (!(e.getCause() instanceof java.util.concurrent.TimeoutException)) {
        throw e;
      }
      System.err.println("MockCluster: the mock API server did not stop in time; going on");
    }
  }
}
