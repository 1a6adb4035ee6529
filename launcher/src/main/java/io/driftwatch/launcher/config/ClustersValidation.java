package io.driftwatch.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.cluster.ClusterAccess;
import io.driftwatch.ingest.cluster.ClusterConfig;
import io.driftwatch.ingest.cluster.ClusterIngestConfig;
import io.driftwatch.ingest.cluster.WatchedKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code clusters[]} and {@code ingestCluster} into {@link ClusterIngestConfig}: one way to
 * reach each cluster (kubeconfig, inCluster, or server with credential files that exist), the kinds
 * to watch ({@code auto}, a list, or a list that includes {@code auto}), and the size limit of a
 * published object. Credential files are only checked here; ingest-cluster reads them when it
 * connects. Problems name the key and say what to write; they never include a file's content.
 */
final class ClustersValidation {

  /** How the loader checks a name; adds the problem itself and says whether the name is valid. */
  @FunctionalInterface
  interface NameCheck {
    boolean valid(String key, String value, String hint);
  }

  static final String AUTO = "auto";

  private static final Set<String> KIND_KEYS = Set.of("apiVersion", "kind", "plural", "namespaced");
  private static final Pattern SIZE = Pattern.compile("([0-9]+)(Ki|Mi)?");
  private static final String KINDS_HINT =
      "write auto to watch the kinds of the cluster's desired state and its reconcilers, or list"
          + " them, e.g. [{apiVersion: apps/v1, kind: Deployment}] (a list may include auto)";

  private final List<ConfigFile.Cluster> declared;
  private final ConfigFile.IngestCluster settings;
  private final Function<String, Path> resolve;
  private final NameCheck names;
  private final List<String> problems;

  /**
   * @param resolve makes a path from the file absolute, as every other path in the file
   * @param problems where each problem is added
   */
  ClustersValidation(
      List<ConfigFile.Cluster> declared,
      ConfigFile.IngestCluster settings,
      Function<String, Path> resolve,
      NameCheck names,
      List<String> problems) {
    this.declared = declared == null ? List.of() : declared;
    this.settings = settings;
    this.resolve = resolve;
    this.names = names;
    this.problems = problems;
  }

  ClusterIngestConfig result() {
    List<ClusterConfig> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < declared.size(); i++) {
      String at = "clusters[" + i + "]";
      ConfigFile.Cluster c = declared.get(i);
      if (c == null) {
        problems.add(at + ": empty entry; remove it or give it a name and kinds");
        continue;
      }
      String name = c.name();
      if (!names.valid(
          at + ".name",
          name,
          "the cluster's name as resource keys and metrics show it, e.g. prod-eu")) {
        name = "invalid-" + i;
      } else if (!seen.add(name)) {
        problems.add(at + ".name: '" + name + "' is declared twice; cluster names must be unique");
      }
      ClusterAccess access = access(at, c);
      List<WatchedKind> kinds = new ArrayList<>();
      boolean auto = kinds(at, c.kinds(), kinds);
      out.add(
          new ClusterConfig(
              name,
              access,
              kinds,
              auto,
              c.namespaces() == null ? List.of() : List.copyOf(c.namespaces()),
              blank(c.labelSelector()) ? null : c.labelSelector()));
    }
    return new ClusterIngestConfig(out, maxObjectBytes());
  }

  private ClusterAccess access(String at, ConfigFile.Cluster c) {
    boolean inCluster = Boolean.TRUE.equals(c.inCluster());
    boolean kubeconfig = !blank(c.kubeconfig());
    boolean server = !blank(c.server());
    if ((inCluster ? 1 : 0) + (kubeconfig ? 1 : 0) + (server ? 1 : 0) > 1) {
      problems.add(
          at
              + ": set only one of kubeconfig (with an optional context), inCluster: true, and"
              + " server (with tokenFile or clientCertFile and clientKeyFile)");
    }
    if (!server) {
      for (String key : List.of("tokenFile", "caFile", "clientCertFile", "clientKeyFile")) {
        if (!blank(fileKey(c, key))) {
          problems.add(
              at + "." + key + ": only used with server; set server to the API server's URL");
        }
      }
    }
    if (!blank(c.context()) && (inCluster || server)) {
      problems.add(at + ".context: only used with a kubeconfig; remove it");
    }
    if (server) {
      return apiServer(at, c);
    }
    if (inCluster) {
      return new ClusterAccess.InCluster();
    }
    Path file = null;
    if (kubeconfig) {
      file = resolve.apply(c.kubeconfig());
      if (!Files.isReadable(file)) {
        problems.add(at + ".kubeconfig: " + file + " is not a readable file");
      }
    }
    return new ClusterAccess.Kubeconfig(file, blank(c.context()) ? null : c.context());
  }

  private ClusterAccess apiServer(String at, ConfigFile.Cluster c) {
    String url = c.server().strip();
    try {
      URI uri = new URI(url);
      if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        problems.add(
            at
                + ".server: '"
                + url
                + "' is not an https:// URL; write the API server's URL, e.g."
                + " https://api.prod.example.com:6443 (credentials are never sent in clear)");
      } else if (uri.getUserInfo() != null || uri.getQuery() != null) {
        problems.add(
            at
                + ".server: holds a user or a query; write only https://host:port and put the"
                + " credentials in tokenFile, or clientCertFile and clientKeyFile");
        url =
            uri.getScheme()
                + "://"
                + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      }
    } catch (URISyntaxException e) {
      problems.add(at + ".server: not a URL; write e.g. https://api.prod.example.com:6443");
    }
    Path token = file(at, "tokenFile", c.tokenFile());
    Path ca = file(at, "caFile", c.caFile());
    Path cert = file(at, "clientCertFile", c.clientCertFile());
    Path key = file(at, "clientKeyFile", c.clientKeyFile());
    if ((cert == null) != (key == null)) {
      problems.add(
          at
              + (cert == null ? ".clientCertFile" : ".clientKeyFile")
              + ": required with "
              + (cert == null ? "clientKeyFile" : "clientCertFile")
              + "; a client certificate needs both its certificate and its key (PEM)");
    }
    if (token == null && cert == null && key == null) {
      problems.add(
          at
              + ": server needs credentials; set tokenFile (a bearer token, read at every request"
              + " so it may rotate), or clientCertFile and clientKeyFile");
    }
    return new ClusterAccess.ApiServer(url, token, ca, cert, key);
  }

  private Path file(String at, String key, String value) {
    if (blank(value)) {
      return null;
    }
    Path path = resolve.apply(value);
    if (!Files.isReadable(path)) {
      problems.add(
          at + "." + key + ": " + path + " is not a readable file; mount it or fix the path");
    }
    return path;
  }

  private static String fileKey(ConfigFile.Cluster c, String key) {
    return switch (key) {
      case "tokenFile" -> c.tokenFile();
      case "caFile" -> c.caFile();
      case "clientCertFile" -> c.clientCertFile();
      default -> c.clientKeyFile();
    };
  }

  /** Adds the configured kinds to {@code out}; returns whether {@code auto} was asked for. */
  private boolean kinds(String at, JsonNode declared, List<WatchedKind> out) {
    String key = at + ".kinds";
    if (declared == null || declared.isNull() || (declared.isArray() && declared.isEmpty())) {
      problems.add(key + ": required; " + KINDS_HINT);
      return false;
    }
    if (declared.isTextual()) {
      if (declared.asText().strip().equals(AUTO)) {
        return true;
      }
      problems.add(key + ": '" + declared.asText() + "' is not a kinds setting; " + KINDS_HINT);
      return false;
    }
    if (!declared.isArray()) {
      problems.add(key + ": " + KINDS_HINT);
      return false;
    }
    boolean auto = false;
    for (int j = 0; j < declared.size(); j++) {
      String kat = key + "[" + j + "]";
      JsonNode entry = declared.get(j);
      if (entry.isTextual() && entry.asText().strip().equals(AUTO)) {
        auto = true;
        continue;
      }
      if (!entry.isObject()) {
        problems.add(
            kat
                + ": write auto or {apiVersion: ..., kind: ...}, e.g. {apiVersion: apps/v1, kind: Deployment}");
        continue;
      }
      Iterator<String> fields = entry.fieldNames();
      boolean unknown = false;
      while (fields.hasNext()) {
        String field = fields.next();
        if (!KIND_KEYS.contains(field)) {
          problems.add(
              kat
                  + ": unknown key '"
                  + field
                  + "'; known keys here: "
                  + KIND_KEYS.stream().sorted().toList());
          unknown = true;
        }
      }
      String apiVersion = text(entry.get("apiVersion"));
      String kind = text(entry.get("kind"));
      if (blank(apiVersion) || blank(kind)) {
        problems.add(
            kat + ": needs apiVersion and kind, e.g. {apiVersion: apps/v1, kind: Deployment}");
        continue;
      }
      JsonNode namespaced = entry.get("namespaced");
      if (namespaced != null && !namespaced.isBoolean()) {
        problems.add(kat + ".namespaced: write true or false");
        continue;
      }
      if (!unknown) {
        out.add(
            new WatchedKind(
                apiVersion.strip(),
                kind.strip(),
                blank(text(entry.get("plural"))) ? null : text(entry.get("plural")).strip(),
                namespaced == null ? null : namespaced.asBoolean()));
      }
    }
    return auto;
  }

  private long maxObjectBytes() {
    String value = settings == null ? null : settings.maxObjectBytes();
    if (blank(value)) {
      return ClusterIngestConfig.DEFAULT_MAX_OBJECT_BYTES;
    }
    Matcher size = SIZE.matcher(value.strip());
    long bytes = -1;
    if (size.matches()) {
      try {
        long unit = size.group(2) == null ? 1 : size.group(2).equals("Ki") ? 1024 : 1024 * 1024;
        bytes = Math.multiplyExact(Long.parseLong(size.group(1)), unit);
      } catch (ArithmeticException | NumberFormatException e) {
        bytes = -1;
      }
    }
    if (bytes < 1024) {
      problems.add(
          "ingestCluster.maxObjectBytes: '"
              + value
              + "' is not a size of at least 1Ki; write bytes or Ki/Mi, e.g. 1Mi (the default) or"
              + " 2097152");
      return ClusterIngestConfig.DEFAULT_MAX_OBJECT_BYTES;
    }
    return bytes;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
