package io.driftwatch.ingest.cluster.kube;

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
 * file when none is given), or from the pod's service account when running in the cluster. Errors
 * name the cluster and the file but never quote the kubeconfig, which holds credentials.
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
    return new KubernetesClientBuilder().withConfig(config(cluster)).build();
  }

  /**
   * The client configuration for a cluster.
   *
   * @throws IllegalArgumentException naming the cluster and the file when the kubeconfig cannot be
   *     read or lacks the context
   */
  public Config config(ClusterConfig cluster) {
    Config config;
    if (cluster.inCluster()) {
      config = inClusterConfig(cluster);
    } else if (cluster.kubeconfig() != null) {
      config = fromFile(cluster);
    } else {
      try {
        config = Config.autoConfigure(cluster.context());
      } catch (RuntimeException e) {
        // The message of a parse failure may quote the file; only the exception type is safe.
        throw new IllegalArgumentException(
            "Cluster '"
                + cluster.name()
                + "': cannot load the default kubeconfig"
                + contextPart(cluster)
                + " ("
                + e.getClass().getSimpleName()
                + ")",
            null);
      }
    }
    config.setRequestRetryBackoffLimit(REQUEST_RETRIES);
    return config;
  }

  private static Config fromFile(ClusterConfig cluster) {
    Path file = cluster.kubeconfig();
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(
          "Cluster '"
              + cluster.name()
              + "': kubeconfig "
              + file
              + " does not exist or is not readable; fix clusters[].kubeconfig");
    }
    try {
      return Config.fromKubeconfig(cluster.context(), file.toFile());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Cluster '"
              + cluster.name()
              + "': cannot load kubeconfig "
              + file
              + contextPart(cluster)
              + " ("
              + e.getClass().getSimpleName()
              + "); check that the file is a kubeconfig and that the context exists",
          null);
    }
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
            .withOauthTokenProvider(() -> readToken(token));
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

  private static String readToken(Path token) {
    try {
      return Files.readString(token, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the service account token " + token, null);
    }
  }

  private static String contextPart(ClusterConfig cluster) {
    return cluster.context() == null ? "" : " with context '" + cluster.context() + "'";
  }
}
