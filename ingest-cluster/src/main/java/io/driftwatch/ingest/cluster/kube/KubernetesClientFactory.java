package io.driftwatch.ingest.cluster.kube;

import io.driftwatch.ingest.cluster.ClusterAccess;
import io.driftwatch.ingest.cluster.ClusterConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Builds the fabric8 client of one cluster: from a kubeconfig file and context (fabric8's default
 * file when none is given), from the pod's service account when running in the cluster, or from an
 * API server URL with a token file, a CA file and client certificate files. Tokens are read from
 * their file at every request, so a rotated token needs no restart. Errors name the cluster, the
 * key and the file but never quote a file's content, which holds credentials.
 */
public final class KubernetesClientFactory implements Function<ClusterConfig, KubernetesClient> {

  /** Where Kubernetes mounts a pod's service account. */
  static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  /** The API server's in-cluster name, present in its serving certificate. */
  static final String IN_CLUSTER_URL = "https://kubernetes.default.svc";

  /**
   * Request retries inside fabric8. Its default (10, doubling from 100 ms) keeps a failed first
   * list silent for minutes; ingest-cluster retries a failed watch itself, with its own backoff and
   * a warning per attempt.
   */
  static final int REQUEST_RETRIES = 2;

  private final Path serviceAccount;

  public KubernetesClientFactory() {
    this(SERVICE_ACCOUNT);
  }

  KubernetesClientFactory(Path serviceAccount) {
    this.serviceAccount = serviceAccount;
  }

  @Override
  public KubernetesClient apply(ClusterConfig cluster) {
    Config config = config(cluster);
    try {
      return new KubernetesClientBuilder().withConfig(config).build();
    } catch (RuntimeException e) {
      // TLS material is parsed here; a parser's message may quote what it could not read.
      throw new IllegalArgumentException(
          "Cluster '"
              + cluster.name()
              + "': cannot build a client ("
              + e.getClass().getSimpleName()
              + "); check that the CA and client certificate files are PEM and that the key"
              + " matches the certificate",
          null);
    }
  }

  /**
   * The client configuration for a cluster.
   *
   * @throws IllegalArgumentException naming the cluster and the file when a kubeconfig or a
   *     credential file cannot be read, or the kubeconfig lacks the context
   */
  public Config config(ClusterConfig cluster) {
    ClusterAccess access = cluster.access();
    Config config;
    if (access instanceof ClusterAccess.Kubeconfig kubeconfig) {
      config = fromKubeconfig(cluster, kubeconfig);
    } else if (access instanceof ClusterAccess.ApiServer server) {
      config = fromFiles(cluster, server);
    } else {
      config = inClusterConfig(cluster);
    }
    config.setRequestRetryBackoffLimit(REQUEST_RETRIES);
    return config;
  }

  private static Config fromKubeconfig(ClusterConfig cluster, ClusterAccess.Kubeconfig access) {
    Path file = access.file();
    if (file == null) {
      try {
        return Config.autoConfigure(access.context());
      } catch (RuntimeException e) {
        // The message of a parse failure may quote the file; only the exception type is safe.
        throw new IllegalArgumentException(
            "Cluster '"
                + cluster.name()
                + "': cannot load the default kubeconfig"
                + contextPart(access)
                + " ("
                + e.getClass().getSimpleName()
                + ")",
            null);
      }
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(
          "Cluster '"
              + cluster.name()
              + "': kubeconfig "
              + file
              + " does not exist or is not readable; fix clusters[].kubeconfig");
    }
    try {
      return Config.fromKubeconfig(access.context(), file.toFile());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Cluster '"
              + cluster.name()
              + "': cannot load kubeconfig "
              + file
              + contextPart(access)
              + " ("
              + e.getClass().getSimpleName()
              + "); check that the file is a kubeconfig and that the context exists",
          null);
    }
  }

  /**
   * A client configuration from an API server URL and credential files, built from an empty
   * configuration so that no kubeconfig or environment variable is mixed in.
   */
  private static Config fromFiles(ClusterConfig cluster, ClusterAccess.ApiServer access) {
    ConfigBuilder builder = new ConfigBuilder(Config.empty()).withMasterUrl(access.server());
    if (access.tokenFile() != null) {
      Path token = readable(cluster, "tokenFile", access.tokenFile());
      builder.withOauthTokenProvider(() -> readToken(cluster, "clusters[].tokenFile", token));
    }
    if (access.caFile() != null) {
      builder.withCaCertFile(readable(cluster, "caFile", access.caFile()).toString());
    }
    if (access.clientCertFile() != null || access.clientKeyFile() != null) {
      builder
          .withClientCertFile(
              readable(cluster, "clientCertFile", access.clientCertFile()).toString())
          .withClientKeyFile(readable(cluster, "clientKeyFile", access.clientKeyFile()).toString());
    }
    return builder.build();
  }

  private static Path readable(ClusterConfig cluster, String key, Path file) {
    if (file == null || !Files.isReadable(file)) {
      throw new IllegalArgumentException(
          "Cluster '"
              + cluster.name()
              + "': clusters[]."
              + key
              + (file == null ? " is not set" : " " + file + " does not exist or is not readable")
              + "; mount the file or fix the path");
    }
    return file;
  }

  private Config inClusterConfig(ClusterConfig cluster) {
    Path token = serviceAccount.resolve("token");
    if (!Files.isReadable(token)) {
      throw new IllegalArgumentException(
          "Cluster '"
              + cluster.name()
              + "': inCluster is true but no service account token is mounted at "
              + token
              + "; run in a pod with a service account, or set kubeconfig instead");
    }
    ConfigBuilder builder =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(IN_CLUSTER_URL)
            // Bound service account tokens rotate: read the file on every request.
            .withOauthTokenProvider(() -> readToken(cluster, "service account token", token));
    Path ca = serviceAccount.resolve("ca.crt");
    if (Files.isReadable(ca)) {
      builder.withCaCertFile(ca.toString());
    }
    Path namespace = serviceAccount.resolve("namespace");
    if (Files.isReadable(namespace)) {
      try {
        builder.withNamespace(Files.readString(namespace, StandardCharsets.UTF_8).trim());
      } catch (IOException e) {
        // The namespace only sets a default that ingest-cluster never relies on.
      }
    }
    return builder.build();
  }

  /** Reads a bearer token; fabric8 calls this for every request, so a rotated file is used. */
  private static String readToken(ClusterConfig cluster, String what, Path token) {
    String value;
    try {
      value = Files.readString(token, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cluster '"
              + cluster.name()
              + "': cannot read the "
              + what
              + " "
              + token
              + " ("
              + e.getClass().getSimpleName()
              + ")",
          null);
    }
    if (value.isEmpty()) {
      throw new IllegalStateException(
          "Cluster '" + cluster.name() + "': the " + what + " " + token + " is empty", null);
    }
    return value;
  }

  private static String contextPart(ClusterAccess.Kubeconfig access) {
    return access.context() == null ? "" : " with context '" + access.context() + "'";
  }
}
