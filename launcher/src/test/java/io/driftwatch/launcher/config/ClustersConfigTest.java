package io.driftwatch.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.cluster.ClusterAccess;
import io.driftwatch.ingest.cluster.ClusterConfig;
import io.driftwatch.ingest.cluster.ClusterIngestConfig;
import io.driftwatch.ingest.cluster.WatchedKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClustersConfigTest {

  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.planted-token";

  @TempDir Path dir;

  @BeforeEach
  void credentialFiles() throws IOException {
    Files.createDirectories(dir.resolve("prod"));
    Files.writeString(dir.resolve("prod/token"), TOKEN);
    Files.writeString(dir.resolve("prod/ca.crt"), "-----BEGIN CERTIFICATE-----\n");
    Files.writeString(dir.resolve("prod/tls.crt"), "cert");
    Files.writeString(dir.resolve("prod/tls.key"), "key");
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("driftwatch.yaml"), yaml);
  }

  private static List<String> problems(Path file) {
    try {
      new ConfigLoader(Map.of()).load(file);
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("the configuration loaded without a problem");
  }

  @Test
  void serverWithCredentialFilesAutoKindsAndScopingLoad() throws IOException {
    Path file =
        write(
            """
            clusters:
              - name: prod
                server: https://api.prod.example.com:6443
                tokenFile: prod/token
                caFile: prod/ca.crt
                kinds: auto
                namespaces: [shop]
                labelSelector: team=payments
              - name: edge
                server: https://edge.example.com
                clientCertFile: prod/tls.crt
                clientKeyFile: prod/tls.key
                kinds:
                  - auto
                  - {apiVersion: example.com/v1, kind: Widget, plural: widgets, namespaced: true}
              - name: local
                kinds: [{apiVersion: apps/v1, kind: Deployment}]
            ingestCluster:
              maxObjectBytes: 512Ki
            """);

    ClusterIngestConfig config = new ConfigLoader(Map.of()).load(file).clusters();

    assertThat(config.maxObjectBytes()).isEqualTo(512 * 1024);
    ClusterConfig prod = config.clusters().get(0);
    assertThat(prod.access())
        .isEqualTo(
            new ClusterAccess.ApiServer(
                "https://api.prod.example.com:6443",
                dir.resolve("prod/token"),
                dir.resolve("prod/ca.crt"),
                null,
                null));
    assertThat(prod.autoKinds()).isTrue();
    assertThat(prod.kinds()).isEmpty();
    assertThat(prod.namespaces()).containsExactly("shop");
    assertThat(prod.labelSelector()).isEqualTo("team=payments");
    ClusterConfig edge = config.clusters().get(1);
    assertThat(edge.autoKinds()).isTrue();
    assertThat(edge.kinds())
        .containsExactly(new WatchedKind("example.com/v1", "Widget", "widgets", true));
    assertThat(((ClusterAccess.ApiServer) edge.access()).clientKeyFile())
        .isEqualTo(dir.resolve("prod/tls.key"));
    ClusterConfig local = config.clusters().get(2);
    assertThat(local.autoKinds()).isFalse();
    assertThat(local.access()).isEqualTo(new ClusterAccess.Kubeconfig(null, null));
  }

  @Test
  void defaultSizeLimitIsOneMebibyte() throws IOException {
    Path file = write("clusters:\n  - {name: local, kinds: auto}\n");

    assertThat(new ConfigLoader(Map.of()).load(file).clusters().maxObjectBytes())
        .isEqualTo(1024 * 1024);
  }

  @Test
  void eachWrongKeyIsNamedWithTheFixAndNoCredentialIsQuoted() throws IOException {
    Path file =
        write(
            """
            clusters:
              - name: plain
                server: http://api.example.com:6443
                tokenFile: prod/token
              - name: both
                inCluster: true
                server: https://api.example.com
                tokenFile: prod/token
                kinds: auto
              - name: half
                server: https://api.example.com
                clientCertFile: prod/tls.crt
                kinds: auto
              - name: none
                server: https://api.example.com
                kinds: auto
              - name: stray
                tokenFile: prod/token
                context: prod
                inCluster: true
                kinds: automatic
              - name: missing
                server: https://api.example.com
                tokenFile: prod/nope
                kinds: [auto, {apiVersion: v1}, {apiVersion: v1, kind: X, scope: all}, 3]
            ingestCluster:
              maxObjectBytes: 1GB
            """);

    List<String> problems = problems(file);

    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith("clusters[0].server:").contains("https://"))
        .anySatisfy(p -> assertThat(p).startsWith("clusters[0].kinds: required").contains("auto"))
        .anySatisfy(p -> assertThat(p).startsWith("clusters[1]: set only one of"))
        .anySatisfy(
            p ->
                assertThat(p).startsWith("clusters[2].clientKeyFile: required with clientCertFile"))
        .anySatisfy(p -> assertThat(p).startsWith("clusters[3]: server needs credentials"))
        .anySatisfy(p -> assertThat(p).startsWith("clusters[4].tokenFile: only used with server"))
        .anySatisfy(
            p -> assertThat(p).startsWith("clusters[4].context: only used with a kubeconfig"))
        .anySatisfy(p -> assertThat(p).startsWith("clusters[4].kinds: 'automatic' is not"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("clusters[5].tokenFile: " + dir.resolve("prod/nope"))
                    .contains("not a readable file"))
        .anySatisfy(
            p -> assertThat(p).startsWith("clusters[5].kinds[1]: needs apiVersion and kind"))
        .anySatisfy(p -> assertThat(p).startsWith("clusters[5].kinds[2]: unknown key 'scope'"))
        .anySatisfy(p -> assertThat(p).startsWith("clusters[5].kinds[3]: write auto or"))
        .anySatisfy(p -> assertThat(p).startsWith("ingestCluster.maxObjectBytes: '1GB'"))
        .noneSatisfy(p -> assertThat(p).contains(TOKEN));
  }
}
