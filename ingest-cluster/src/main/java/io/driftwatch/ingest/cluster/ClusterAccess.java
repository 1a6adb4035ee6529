package io.driftwatch.ingest.cluster;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How ingest-cluster reaches and authenticates to one cluster's API server: a kubeconfig context,
 * the pod's own service account, or an API server URL with credentials in files. Only file paths
 * are held here, never credentials, so this record may be logged.
 */
public sealed interface ClusterAccess {

  /**
   * A kubeconfig file and context, as kubectl uses them.
   *
   * @param file the kubeconfig, or null for fabric8's default ({@code KUBECONFIG} or {@code
   *     ~/.kube/config})
   * @param context the context, or null for the file's current context
   */
  record Kubeconfig(Path file, String context) implements ClusterAccess {}

  /** The service account mounted into the pod ingest-cluster runs in. */
  record InCluster() implements ClusterAccess {}

  /**
   * An API server URL with credentials from files, as a Kubernetes Secret or a projected
   * service-account token is mounted: no kubeconfig needed. The token file is read again for every
   * request, so a rotated token takes effect without a restart.
   *
   * @param server the API server's URL, such as {@code https://api.prod.example.com:6443}
   * @param tokenFile a bearer token, or null when a client certificate authenticates
   * @param caFile the CA bundle (PEM) that signed the API server's certificate, or null to trust
   *     the JVM's default trust store
   * @param clientCertFile a client certificate (PEM), or null; needs {@code clientKeyFile}
   * @param clientKeyFile the client certificate's private key (PEM), or null
   */
  record ApiServer(
      String server, Path tokenFile, Path caFile, Path clientCertFile, Path clientKeyFile)
      implements ClusterAccess {

    public ApiServer {
      Objects.requireNonNull(server, "server");
    }
  }
}
