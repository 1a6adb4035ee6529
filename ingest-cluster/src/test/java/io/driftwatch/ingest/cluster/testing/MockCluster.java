package io.driftwatch.ingest.cluster.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;

/**
 * fabric8's mock API server in CRUD mode (list, watch, create, edit, delete, status), which is what
 * the informers of ingest-cluster run against in the ITs, with a way to lose their watches as a
 * real API server does: events that never arrive, then 410 Gone.
 */
public final class MockCluster implements AutoCloseable {

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

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
