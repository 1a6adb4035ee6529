package io.driftwatch.ingest.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.ingest.cluster.ClusterAccess;
import io.driftwatch.ingest.cluster.ClusterConfig;
import io.driftwatch.ingest.cluster.WatchedKind;
import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesClientFactoryTest {

  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.private-token-value";

  @TempDir Path dir;

  private final KubernetesClientFactory factory = new KubernetesClientFactory();

  @Test
  void kubeconfigContextSelectsItsServerAndCredentials() throws IOException {
    Path kubeconfig = writeKubeconfig();

    Config staging = factory.config(cluster(kubeconfig, "staging"));
    Config current = factory.config(cluster(kubeconfig, null));

    assertThat(staging.getMasterUrl()).startsWith("https://staging.example.com:6443");
    assertThat(staging.getAutoOAuthToken()).isEqualTo(TOKEN);
    assertThat(current.getMasterUrl()).startsWith("https://prod.example.com:6443");
    assertThat(staging.getRequestRetryBackoffLimit())
        .isEqualTo(KubernetesClientFactory.REQUEST_RETRIES);
  }

  @Test
  void missingKubeconfigIsNamedWithItsCluster() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> factory.config(cluster(missing, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'edge'")
        .hasMessageContaining(missing.toString());
  }

  @Test
  void unreadableKubeconfigErrorNeverQuotesTheFile() throws IOException {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "users: [ {name: x, user: {token: " + TOKEN + "} ]] ::: {{");

    assertThatThrownBy(() -> factory.config(cluster(broken, "prod")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'edge'")
        .hasMessageContaining(broken.toString())
        .satisfies(
            e -> {
              assertThat(e.getMessage()).doesNotContain(TOKEN);
              assertThat(e.getCause()).isNull();
            });
  }

  @Test
  void inClusterUsesTheServiceAccountAndTheInClusterName() throws IOException {
    Path account = Files.createDirectories(dir.resolve("serviceaccount"));
    Files.writeString(account.resolve("token"), TOKEN + "\n");
    Files.writeString(account.resolve("namespace"), "driftwatch");
    ClusterConfig inCluster =
        new ClusterConfig("edge", null, null, true, List.of(), List.of(), null);

    Config config = new KubernetesClientFactory(account).config(inCluster);

    assertThat(config.getMasterUrl()).startsWith("https://kubernetes.default.svc");
    assertThat(config.getOauthTokenProvider().getToken()).isEqualTo(TOKEN);
    assertThat(config.getNamespace()).isEqualTo("driftwatch");
  }

  @Test
  void inClusterWithoutServiceAccountSaysWhatToDo() {
    ClusterConfig inCluster =
        new ClusterConfig("edge", null, null, true, List.of(), List.of(), null);

    assertThatThrownBy(() -> new KubernetesClientFactory(dir.resolve("none")).config(inCluster))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'edge'")
        .hasMessageContaining("service account");
  }

  @Test
  void serverWithTokenFileReadsTheTokenAgainAfterRotation() throws IOException {
    Path token = dir.resolve("token");
    Files.writeString(token, TOKEN + "\n");
    Path ca = dir.resolve("ca.crt");
    Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n");

    Config config =
        factory.config(
            fromFiles(new ClusterAccess.ApiServer("https://api.edge:6443", token, ca, null, null)));

    assertThat(config.getMasterUrl()).startsWith("https://api.edge:6443");
    assertThat(config.getCaCertFile()).isEqualTo(ca.toString());
    assertThat(config.getOauthTokenProvider().getToken()).isEqualTo(TOKEN);
    Files.writeString(token, "rotated-token\n");
    assertThat(config.getOauthTokenProvider().getToken()).isEqualTo("rotated-token");
    assertThat(config.getRequestRetryBackoffLimit())
        .isEqualTo(KubernetesClientFactory.REQUEST_RETRIES);
  }

  @Test
  void serverWithClientCertificateUsesBothFiles() throws IOException {
    Path cert = Files.writeString(dir.resolve("tls.crt"), "cert");
    Path key = Files.writeString(dir.resolve("tls.key"), "key");

    Config config =
        factory.config(
            fromFiles(new ClusterAccess.ApiServer("https://api.edge:6443", null, null, cert, key)));

    assertThat(config.getClientCertFile()).isEqualTo(cert.toString());
    assertThat(config.getClientKeyFile()).isEqualTo(key.toString());
    assertThat(config.getOauthTokenProvider()).isNull();
    assertThat(config.getOauthToken()).isNull();
  }

  @Test
  void missingCredentialFileIsNamedWithItsKey() throws IOException {
    Path cert = Files.writeString(dir.resolve("tls.crt"), "cert");
    Path missing = dir.resolve("nope");

    assertThatThrownBy(
            () ->
                factory.config(
                    fromFiles(new ClusterAccess.ApiServer("https://a", missing, null, null, null))))
        .hasMessageContaining("'edge'")
        .hasMessageContaining("clusters[].tokenFile " + missing);
    assertThatThrownBy(
            () ->
                factory.config(
                    fromFiles(new ClusterAccess.ApiServer("https://a", null, null, cert, null))))
        .hasMessageContaining("clusters[].clientKeyFile is not set");
  }

  @Test
  void emptyOrVanishedTokenFileFailsTheRequestWithoutContent() throws IOException {
    Path token = Files.writeString(dir.resolve("token"), TOKEN);
    Config config =
        factory.config(
            fromFiles(new ClusterAccess.ApiServer("https://a", token, null, null, null)));

    Files.writeString(token, "  \n");
    assertThatThrownBy(() -> config.getOauthTokenProvider().getToken())
        .hasMessageContaining("'edge'")
        .hasMessageContaining(token + " is empty");
    Files.delete(token);
    assertThatThrownBy(() -> config.getOauthTokenProvider().getToken())
        .hasMessageContaining("cannot read the clusters[].tokenFile " + token)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
  }

  private static ClusterConfig fromFiles(ClusterAccess.ApiServer access) {
    return new ClusterConfig("edge", access, List.of(), false, List.of(), null);
  }

  private ClusterConfig cluster(Path kubeconfig, String context) {
    return new ClusterConfig(
        "edge",
        kubeconfig,
        context,
        false,
        List.of(WatchedKind.of("apps/v1", "Deployment")),
        List.of(),
        null);
  }

  private Path writeKubeconfig() throws IOException {
    Path file = dir.resolve("kubeconfig.yaml");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        current-context: prod
        clusters:
          - name: prod
            cluster: {server: "https://prod.example.com:6443", insecure-skip-tls-verify: true}
          - name: staging
            cluster: {server: "https://staging.example.com:6443", insecure-skip-tls-verify: true}
        users:
          - name: reader
            user: {token: "%s"}
        contexts:
          - name: prod
            context: {cluster: prod, user: reader}
          - name: staging
            context: {cluster: staging, user: reader}
        """
            .formatted(TOKEN));
    return file;
  }
}
