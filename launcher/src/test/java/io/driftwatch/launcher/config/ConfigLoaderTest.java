package io.driftwatch.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.ingest.git.webhook.ReceiverConfig;
import io.driftwatch.ingest.git.webhook.ReceiverType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Files.createDirectories(dir.resolve("repo"));
    return Files.writeString(dir.resolve("driftwatch.yaml"), yaml);
  }

  private static final String MINIMAL =
      """
      sources:
        - id: shop
          repository: repo
          cluster: prod
      clusters:
        - name: prod
          kinds:
            - {apiVersion: apps/v1, kind: Deployment}
      """;

  @Test
  void minimalFileGetsTheDocumentedDefaults() throws IOException {
    DriftwatchConfig config = new ConfigLoader(Map.of()).load(write(MINIMAL));

    assertThat(config.kafka().embedded()).isTrue();
    assertThat(config.kafka().embeddedPort()).isEqualTo(9092);
    assertThat(config.dataDir()).isEqualTo(dir.resolve(".driftwatch"));
    assertThat(config.kafka().embeddedDataDir()).isEqualTo(dir.resolve(".driftwatch/kafka"));
    assertThat(config.http().port()).isEqualTo(9400);
    assertThat(config.git().sources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.ref()).isEqualTo("main");
              assertThat(s.path()).isEmpty();
              assertThat(s.defaultNamespace()).isEqualTo("default");
              assertThat(s.pollInterval()).isEqualTo(Duration.ofMinutes(1));
              assertThat(s.repository()).isEqualTo(dir.resolve("repo").toString());
            });
    assertThat(config.driftStream().applicationId()).isEqualTo("driftwatch-drift-stream");
  }

  @Test
  void theAnnotatedExampleLoads() {
    Path example = Path.of("..", "examples", "driftwatch.yaml");

    DriftwatchConfig config = new ConfigLoader(Map.of()).load(example);

    assertThat(config.git().sources()).extracting(s -> s.id()).containsExactly("example-fleet");
    assertThat(config.clusters().clusters()).extracting(c -> c.name()).containsExactly("local");
  }

  @Test
  void environmentOverridesTheFile() throws IOException {
    Path file = write(MINIMAL + "kafka:\n  bootstrapServers: ''\nhttp:\n  port: 9400\n");

    DriftwatchConfig config =
        new ConfigLoader(
                Map.of(
                    "DRIFTWATCH_KAFKA_BOOTSTRAP_SERVERS", "kafka-0:9092,kafka-1:9092",
                    "DRIFTWATCH_HTTP_PORT", "9500"))
            .load(file);

    assertThat(config.kafka().bootstrapServers()).contains("kafka-0:9092,kafka-1:9092");
    assertThat(config.http().port()).isEqualTo(9500);
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsKey() throws IOException {
    Path file =
        write(
            """
            kafka:
              partitions: 0
            sources:
              - id: Shop Prod
                repository: does-not-exist
                cluster: staging
                pollInterval: soon
            clusters:
              - name: prod
                kinds: []
            """);

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(p -> assertThat(p).startsWith("kafka.partitions:"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("sources[0].id:").contains("lower-case"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("sources[0].repository:")
                                .contains("does-not-exist"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("sources[0].cluster:").contains("[prod]"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("sources[0].pollInterval:").contains("30s"))
                    .anySatisfy(p -> assertThat(p).startsWith("clusters[0].kinds:")))
        .hasMessageContaining(file.toString());
  }

  @Test
  void signatureKeysAreReadRelativeToTheFileAndReachIngestGit() throws IOException {
    Path keys = Files.createDirectories(dir.resolve("keys"));
    try (var key = ConfigLoaderTest.class.getResourceAsStream("/signatures/release-bot.asc")) {
      Files.copy(key, keys.resolve("release-bot.asc"));
    }
    Files.writeString(
        dir.resolve("allowed_signers"),
        "dev@example.com ssh-ed25519"
            + " AAAAC3NzaC1lZDI1NTE5AAAAIF1cVV0Dm9JIbDqDiS9DqFZrGBmDsR8mcHZ1hZRbhuGb\n");
    Path file =
        write(
            MINIMAL
                + "security:\n  signatures:\n    openpgpKeys: keys\n"
                + "    sshAllowedSigners: allowed_signers\n");

    DriftwatchConfig config = new ConfigLoader(Map.of()).load(file);

    assertThat(config.git().signatures().openpgpKeys()).contains(keys);
    assertThat(config.git().signatures().sshAllowedSigners())
        .contains(dir.resolve("allowed_signers"));
    assertThat(new ConfigLoader(Map.of()).load(write(MINIMAL)).git().signatures().isEmpty())
        .isTrue();
  }

  @Test
  void aSignatureKeyFileThatIsNotAKeyIsAConfigurationErrorNamingTheKey() throws IOException {
    Files.writeString(dir.resolve("private.asc"), "-----BEGIN PGP PRIVATE KEY BLOCK-----\n");
    Files.writeString(dir.resolve("allowed_signers"), "ssh-ed25519 AAAA no-principal\n");
    Path file =
        write(
            MINIMAL
                + "security:\n  signatures:\n    openpgpKeys: private.asc\n"
                + "    sshAllowedSigners: allowed_signers\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("security.signatures.openpgpKeys: " + dir.resolve("private.asc"))
        .hasMessageContaining("gpg --export --armor")
        .hasMessageContaining(
            "security.signatures.sshAllowedSigners: "
                + dir.resolve("allowed_signers")
                + ", line 1");
  }

  @Test
  void unknownKeysAreRefusedWithTheKnownOnes() throws IOException {
    Path file = write(MINIMAL + "kafka:\n  bootstrapServer: localhost:9092\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'bootstrapServer'")
        .hasMessageContaining("bootstrapServers");
  }

  @Test
  void aMissingFileSaysWhereTheExampleIs() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir.resolve("nope.yaml")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("examples/driftwatch.yaml");
  }

  @Test
  void duplicateIdsAndClusterNamesAreRefused() throws IOException {
    Path file =
        write(
            """
            sources:
              - {id: shop, repository: repo, cluster: prod}
              - {id: shop, repository: repo, cluster: prod}
            clusters:
              - {name: prod, kinds: [{apiVersion: v1, kind: ConfigMap}]}
              - {name: prod, kinds: [{apiVersion: v1, kind: ConfigMap}]}
            """);

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .hasMessageContaining("sources[1].id: 'shop' is declared twice")
        .hasMessageContaining("clusters[1].name: 'prod' is declared twice");
  }

  @Test
  void comparisonRulesInBothDialectsReachTheEngine() throws IOException {
    Path file =
        write(
            MINIMAL
                + """
                driftStream:
                  comparison:
                    gitopsManagers: [kustomize-controller, my-applier]
                    ignoreDifferences:
                      - {group: apps, kind: Deployment, jsonPointers: [/spec/replicas]}
                    ignore:
                      - paths: [/spec/template/metadata/annotations]
                        target: {kind: Deployment}
                """);

    DriftwatchConfig config = new ConfigLoader(Map.of()).load(file);

    assertThat(config.driftStream().comparison().gitopsManagers())
        .containsExactlyInAnyOrder("kustomize-controller", "my-applier");
    assertThat(config.driftStream().comparison().ignoreRules().isEmpty()).isFalse();
  }

  @Test
  void gateAndReconcileFailureSettingsHaveDefaultsAndCanBeSet() throws IOException {
    DriftwatchConfig defaults = new ConfigLoader(Map.of()).load(write(MINIMAL));
    assertThat(defaults.driftStream().gate().pendingGrace()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.driftStream().reconcileFailures().dedupWindow())
        .isEqualTo(Duration.ofMinutes(5));

    Path file =
        write(
            MINIMAL
                + """
                driftStream:
                  gate: {pendingGrace: 0s, settle: 2s, recheckInterval: 250ms}
                  reconcileFailures: {dedupWindow: 1m}
                """);
    DriftwatchConfig config = new ConfigLoader(Map.of()).load(file);
    assertThat(config.driftStream().gate().pendingGrace()).isZero();
    assertThat(config.driftStream().gate().settle()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.driftStream().gate().recheckInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.driftStream().reconcileFailures().dedupWindow())
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aBadGateDurationNamesItsKeyAndTheForm() throws IOException {
    Path file =
        write(
            MINIMAL
                + """
                driftStream:
                  gate: {pendingGrace: five minutes, recheckInterval: 0s}
                """);

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("driftStream.gate.pendingGrace: 'five minutes' is not a duration")
        .hasMessageContaining("driftStream.gate.recheckInterval: '0s' is not a positive duration");
  }

  @Test
  void aBadIgnoreRuleIsAConfigurationErrorNamingTheEntry() throws IOException {
    Path file =
        write(
            MINIMAL
                + """
                driftStream:
                  comparison:
                    ignoreDifferences:
                      - {group: apps, kind: Deployment, jsonPointer: [/spec/replicas]}
                """);

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("driftStream.comparison")
        .hasMessageContaining("jsonPointer");
  }

  @Test
  void clientPropertiesCannotRedefineTheBootstrapServers() throws IOException {
    Path file = write(MINIMAL + "kafka:\n  properties:\n    bootstrap.servers: elsewhere:9092\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .hasMessageContaining("set kafka.bootstrapServers instead");
  }

  @Test
  void receiversAreLoadedWithTheirSecretFileResolvedAgainstTheConfigFile() throws IOException {
    Files.writeString(dir.resolve("hook-secret"), "s3cret\n");
    Path file =
        write(
            MINIMAL
                + """
                receivers:
                  - name: github-shop
                    type: github
                    secretFile: hook-secret
                    sources: [shop]
                """);

    DriftwatchConfig config = new ConfigLoader(Map.of()).load(file);

    assertThat(config.receivers())
        .singleElement()
        .isEqualTo(
            new ReceiverConfig(
                "github-shop", ReceiverType.GITHUB, dir.resolve("hook-secret"), List.of("shop")));
    assertThat(config.receivers().get(0).path()).isEqualTo("/hooks/github-shop");
  }

  @Test
  void aReceiverWithAnUnknownTypeAMissingSecretOrAnUnknownSourceIsRefusedWithTheFix()
      throws IOException {
    Path file =
        write(
            MINIMAL
                + """
                receivers:
                  - name: hook
                    type: bitbucket
                    secretFile: nowhere
                    sources: [shop, nope]
                  - name: hook
                    type: gitlab
                """);

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("receivers[0].type: write one of [github, gitlab, generic-hmac]")
        .hasMessageContaining("receivers[0].secretFile: " + dir.resolve("nowhere"))
        .hasMessageContaining("receivers[0].sources: 'nope' is not the id of a source")
        .hasMessageContaining("receivers[1].name: 'hook' is declared twice")
        .hasMessageContaining("receivers[1].secretFile: required");
  }
}
