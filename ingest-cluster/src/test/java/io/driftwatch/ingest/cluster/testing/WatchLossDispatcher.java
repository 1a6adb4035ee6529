package io.driftwatch.ingest.cluster.testing;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * fabric8's CRUD dispatcher, with the two ways a real API server loses a client's watch: events
 * that never reach it (the connection is silently gone, or the server compacted them), then a
 * {@code 410 Gone} ERROR event on the watch, which is what a real API server sends when the
 * resourceVersion a watch resumes from is too old. Lists and everything else are the CRUD mock's.
 */
final class WatchLossDispatcher extends Dispatcher {

  /** The watch event a real API server sends for a resourceVersion it no longer has. */
  private static final String GONE =
      "{\"type\":\"ERROR\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Status\",\"metadata\":{},"
          + "\"status\":\"Failure\",\"message\":\"too old resource version\",\"reason\":\"Expired\","
          + "\"code\":410}}";

  private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
  private final Map<WebSocket, LosableSocket> open = new ConcurrentHashMap<>();
  private final AtomicInteger watchRequests = new AtomicInteger();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    MockResponse response = crud.dispatch(request);
    WebSocketListener watch = response.getWebSocketListener();
    if (watch != null) {
      watchRequests.incrementAndGet();
      response.withWebSocketUpgrade(new Tracked(watch));
    }
    return response;
  }

  /** From now on, no event reaches the watches open now; new watches are not affected. */
  void dropEvents() {
    open.values().forEach(socket -> socket.dropping = true);
  }

  /** Ends every watch open now with 410 Gone. */
  void expire() {
    for (LosableSocket socket : open.values()) {
      socket.real.send(GONE);
      socket.real.close(1000, "expired");
    }
  }

  /** How many watch requests were served so far (a re-established watch counts again). */
  int watchRequests() {
    return watchRequests.get();
  }

  /** How many watches are open now. */
  int openWatches() {
    return open.size();
  }

  @Override
  public void shutdown() {
    crud.shutdown();
  }

  /** A server side of a watch whose events can be made to vanish. */
  private static final class LosableSocket implements WebSocket {
    private final WebSocket real;
    private volatile boolean dropping;

    private LosableSocket(WebSocket real) {
      this.real = real;
    }

    @Override
    public RecordedRequest request() {
      return real.request();
    }

    @Override
    public boolean send(String text) {
      return dropping || real.send(text);
    }

    @Override
    public boolean send(byte[] bytes) {
      return dropping || real.send(bytes);
    }

    // Deprecated in fabric8's mock web server but still abstract: it must be forwarded too.
    @SuppressWarnings("deprecation")
    @Override
    public boolean send(ByteString bytes) {
      return dropping || real.send(bytes);
    }

    @Override
    public boolean close(int code, String reason) {
      return real.close(code, reason);
    }
  }

  /** Hands the CRUD mock's watch listener the losable socket instead of the real one. */
  private final class Tracked extends WebSocketListener {
    private final WebSocketListener watch;

    private Tracked(WebSocketListener watch) {
      this.watch = watch;
    }

    private LosableSocket socket(WebSocket real) {
      return open.computeIfAbsent(real, LosableSocket::new);
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
      watch.onBeforeAccept(socket(webSocket), response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      watch.onOpen(socket(webSocket), response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      watch.onMessage(socket(webSocket), text);
    }

    // Deprecated in fabric8's mock web server but still abstract: it must be forwarded too.
    @SuppressWarnings("deprecation")
    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      watch.onMessage(socket(webSocket), bytes);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
      watch.onMessage(socket(webSocket), bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      watch.onClosing(socket(webSocket), code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      watch.onClosed(socket(webSocket), code, reason);
      open.remove(webSocket);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
      watch.onFailure(socket(webSocket), error, response);
      open.remove(webSocket);
    }
  }
}
