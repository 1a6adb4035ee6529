package io.driftwatch.ingest.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
