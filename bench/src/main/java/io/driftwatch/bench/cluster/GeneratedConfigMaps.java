package io.driftwatch.bench.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * fabric8's mock API server serving {@code count} ConfigMaps of a realistic size (about 1.5 KB of
 * JSON: six labels, a Flux checksum annotation, one managedFields entry, a properties file and four
 * more entries) in namespace {@value #NAMESPACE}: lists, in pages when asked, and watches over
 * WebSockets, through which {@link #modifyAll} and {@link #touchAll} send one MODIFIED event per
 * object. Every object is generated from its index when it is served, so the server holds nothing
 * per object and adds nothing to the heap measured next to it. The CRUD mock would, and it looks up
 * each object by scanning all of them.
 */
final class GeneratedConfigMaps extends Dispatcher implements AutoCloseable {

  static final String NAMESPACE = "bench";

  private final int count;
  private final KubernetesMockServer server;
  private final Set<WebSocket> watches = new CopyOnWriteArraySet<>();
  // What the objects look like now: their content version and the resourceVersion of the last
  // change.
  private volatile int contentVersion;
  private volatile long revision;

  private GeneratedConfigMaps(int count) {
    this.count = count;
    this.revision = count;
    this.server =
        new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), this, false);
  }

  static GeneratedConfigMaps start(int count) {
    GeneratedConfigMaps configMaps = new GeneratedConfigMaps(count);
    configMaps.server.init();
    return configMaps;
  }

  KubernetesClient newClient() {
    return server.createClient();
  }

  int count() {
    return count;
  }

  int openWatches() {
    return watches.size();
  }

  /** Changes every object's data: one MODIFIED event per object to every open watch. */
  void modifyAll() {
    contentVersion++;
    sendAll();
  }

  /**
   * Moves every object's resourceVersion and managedFields time but not its content, as a
   * controller's no-op update does: one MODIFIED event per object that publishes nothing.
   */
  void touchAll() {
    sendAll();
  }

  /** Changes the last object's data only: one MODIFIED event. */
  void modifyLast() {
    contentVersion++;
    revision++;
    send(count - 1, revision);
  }

  private void sendAll() {
    long base = revision;
    for (int i = 0; i < count; i++) {
      send(i, base + i + 1);
    }
    revision = base + count;
  }

  private void send(int index, long resourceVersion) {
    String event =
        "{\"type\":\"MODIFIED\",\"object\":"
            + configMap(index, contentVersion, resourceVersion)
            + "}";
    for (WebSocket watch : watches) {
      watch.send(event);
    }
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    int question = path.indexOf('?');
    String resource = question < 0 ? path : path.substring(0, question);
    Map<String, String> query = query(question < 0 ? "" : path.substring(question + 1));
    if (!resource.equals("/api/v1/configmaps")
        && !resource.equals("/api/v1/namespaces/" + NAMESPACE + "/configmaps")) {
      return new MockResponse().setResponseCode(404).setBody("{\"kind\":\"Status\",\"code\":404}");
    }
    if ("true".equals(query.get("watch"))) {
      return new MockResponse().withWebSocketUpgrade(new Watch());
    }
    int from = query.containsKey("continue") ? Integer.parseInt(query.get("continue")) : 0;
    int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : count;
    int to = Math.min(count, from + limit);
    long listRevision = revision;
    StringBuilder list = new StringBuilder(1_600 * (to - from) + 200);
    list.append("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":{")
        .append("\"resourceVersion\":\"")
        .append(listRevision)
        .append('"');
    if (to < count) {
      list.append(",\"continue\":\"").append(to).append('"');
    }
    list.append("},\"items\":[");
    for (int i = from; i < to; i++) {
      if (i > from) {
        list.append(',');
      }
      // Listed objects carry the resourceVersion of their last change, never above the list's.
      list.append(configMap(i, contentVersion, Math.min(listRevision, i + 1L)));
    }
    list.append("]}");
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(list.toString());
  }

  /** One ConfigMap as the API server returns it. */
  static String configMap(int index, int contentVersion, long resourceVersion) {
    String service = String.format(Locale.ROOT, "svc-%05d", index);
    String name = "settings-" + service;
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{"
        + "\"name\":\""
        + name
        + "\",\"namespace\":\""
        + NAMESPACE
        + "\",\"uid\":\""
        + String.format(Locale.ROOT, "6f1c2a4e-9b7d-4c1e-8a55-%012d", index)
        + "\",\"resourceVersion\":\""
        + resourceVersion
        + "\",\"creationTimestamp\":\"2026-11-20T08:00:00Z\","
        + "\"labels\":{\"app.kubernetes.io/name\":\""
        + service
        + "\",\"app.kubernetes.io/part-of\":\"shop\",\"app.kubernetes.io/managed-by\":\"flux\","
        + "\"team\":\"payments\",\"kustomize.toolkit.fluxcd.io/name\":\"apps\","
        + "\"kustomize.toolkit.fluxcd.io/namespace\":\"flux-system\"},"
        + "\"annotations\":{\"kustomize.toolkit.fluxcd.io/checksum\":\""
        + String.format(Locale.ROOT, "%040x", index * 2654435761L)
        + "\"},"
        + "\"managedFields\":[{\"manager\":\"kustomize-controller\",\"operation\":\"Apply\","
        + "\"apiVersion\":\"v1\",\"time\":\"2026-11-20T08:00:"
        + String.format(Locale.ROOT, "%02d", (resourceVersion % 60))
        + "Z\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:data\":{"
        + "\"f:application.properties\":{},\"f:LOG_LEVEL\":{},\"f:FEATURE_FLAGS\":{},"
        + "\"f:CACHE_TTL_SECONDS\":{},\"f:UPSTREAM_TIMEOUT\":{}},\"f:metadata\":{\"f:labels\":{"
        + "\"f:app.kubernetes.io/name\":{},\"f:app.kubernetes.io/part-of\":{},"
        + "\"f:app.kubernetes.io/managed-by\":{},\"f:team\":{},"
        + "\"f:kustomize.toolkit.fluxcd.io/name\":{},"
        + "\"f:kustomize.toolkit.fluxcd.io/namespace\":{}}}}}]},"
        + "\"data\":{\"application.properties\":\"server.port=8080\\n"
        + "management.endpoints.web.exposure.include=health,info,prometheus\\n"
        + "spring.datasource.url=jdbc:postgresql://db."
        + service
        + ".shop.svc.cluster.local:5432/shop\\n"
        + "spring.datasource.hikari.maximum-pool-size=20\\n"
        + "spring.jpa.open-in-view=false\\n"
        + "shop.checkout.retry.max-attempts="
        + (3 + contentVersion)
        + "\\nshop.checkout.retry.backoff=250ms\\n\","
        + "\"LOG_LEVEL\":\"info\",\"FEATURE_FLAGS\":\"checkout-v2,search-suggest,wishlist\","
        + "\"CACHE_TTL_SECONDS\":\"300\",\"UPSTREAM_TIMEOUT\":\"2s\"}}";
  }

  private static Map<String, String> query(String text) {
    Map<String, String> query = new HashMap<>();
    for (String pair : text.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        query.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    return query;
  }

  @Override
  public void close() {
    server.destroy();
  }

  /** The server side of one informer's watch. */
  private final class Watch extends WebSocketListener {
    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      watches.add(webSocket);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      watches.remove(webSocket);
      webSocket.close(code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      watches.remove(webSocket);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
      watches.remove(webSocket);
    }
  }
}
