package io.driftwatch.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The YAML file exactly as written: every field optional, so that validation, not parsing, says
 * what is missing. {@code examples/driftwatch.yaml} documents each key; {@link ConfigLoader} turns
 * this into {@link DriftwatchConfig}.
 */
public record ConfigFile(
    String dataDir,
    Kafka kafka,
    Security security,
    Http http,
    List<Source> sources,
    List<GitCredential> gitCredentials,
    List<Cluster> clusters,
    IngestCluster ingestCluster,
    DriftStream driftStream,
    List<Receiver> receivers) {

  /** {@code kafka:} where the topics live. */
  public record Kafka(
      String bootstrapServers,
      Integer partitions,
      Short replicationFactor,
      Map<String, String> properties,
      Embedded embedded) {}

  /** {@code kafka.embedded:} the in-process broker used when no bootstrap servers are set. */
  public record Embedded(String dataDir, Integer port) {}

  /** {@code security:} keys that belong to the deployment. */
  public record Security(String secretHmacKeyFile, Signatures signatures) {}

  /** {@code security.signatures:} the keys a commit signature must be made with to be VERIFIED. */
  public record Signatures(String openpgpKeys, String sshAllowedSigners) {}

  /** {@code http:} the /metrics and /healthz endpoint. */
  public record Http(String bindAddress, Integer port) {}

  /** {@code sources[]:} one Git repository + ref + path rendered for one cluster. */
  public record Source(
      String id,
      String repository,
      String ref,
      String path,
      String cluster,
      String defaultNamespace,
      String pollInterval,
      String targetNamespace,
      Discover discover) {}

  /**
   * {@code sources[].discover:} the source is a fleet: its Flux Kustomizations and/or Argo CD
   * Applications declare more sources ({@code docs/discovery.md}).
   */
  public record Discover(
      Boolean flux,
      Boolean argo,
      String url,
      Map<String, String> repositories,
      Map<String, String> clusters,
      String defaultBranch) {}

  /** {@code receivers[]:} one webhook that makes ingest-git poll sources at once. */
  public record Receiver(String name, String type, String secretFile, List<String> sources) {}

  /**
   * {@code gitCredentials[]:} credentials for every repository whose URL starts with {@code url}: a
   * user name with {@code passwordFile} or {@code passwordEnv} for HTTPS, or {@code sshKeyFile} and
   * {@code knownHostsFile} (with an optional passphrase) for SSH.
   */
  public record GitCredential(
      String url,
      String username,
      String passwordFile,
      String passwordEnv,
      String sshKeyFile,
      String sshKeyPassphraseFile,
      String sshKeyPassphraseEnv,
      String knownHostsFile) {}

  /**
   * {@code clusters[]:} one cluster, how to reach it (a kubeconfig, the pod's service account, or a
   * server URL with credential files) and the kinds to watch in it ({@code auto}, a list, or a list
   * that includes {@code auto}; read by {@link ClustersValidation}).
   */
  public record Cluster(
      String name,
      String kubeconfig,
      String context,
      Boolean inCluster,
      String server,
      String tokenFile,
      String caFile,
      String clientCertFile,
      String clientKeyFile,
      JsonNode kinds,
      List<String> namespaces,
      String labelSelector) {}

  /** {@code ingestCluster:} settings of ingest-cluster that hold for every cluster. */
  public record IngestCluster(String maxObjectBytes) {}

  /** {@code driftStream:} the Kafka Streams application. */
  public record DriftStream(
      String applicationId,
      String commitInterval,
      Comparison comparison,
      Gate gate,
      ReconcileFailures reconcileFailures,
      RemediationSection remediation,
      Queries queries,
      Deployment deployment) {}

  /**
   * {@code driftStream.queries:} the query API (docs/queries.md); {@code advertisedHost} is how
   * other drift-stream instances reach this one.
   */
  public record Queries(String advertisedHost, Integer transitionsKept) {}

  /**
   * {@code driftStream.deployment:} cluster → environment, for workloads without an OpenChoreo
   * environment label (docs/deployment-status.md).
   */
  public record Deployment(Map<String, String> environments) {}

  /**
   * {@code driftStream.gate:} when a difference may be published as drift (docs/drift-semantics.md
   * §9).
   */
  public record Gate(String pendingGrace, String settle, String recheckInterval) {}

  /** {@code driftStream.reconcileFailures:} how repeated failures are deduplicated. */
  public record ReconcileFailures(String dedupWindow) {}

  /**
   * {@code driftStream.comparison:} how desired and live are compared; the ignore rules take Argo
   * CD's and Flux's formats as they are (docs/drift-semantics.md §7).
   */
  public record Comparison(
      List<String> gitopsManagers, JsonNode ignoreDifferences, JsonNode ignore) {}
}
