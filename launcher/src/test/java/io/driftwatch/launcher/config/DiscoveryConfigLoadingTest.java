package io.driftwatch.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.ingest.git.discover.DiscoveryConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code discover:} block of a source: a fleet, its repository and cluster maps. */
class DiscoveryConfigLoadingTest {

  @TempDir Path dir;

  private DriftwatchConfig load(String source) throws IOException {
    Files.createDirectories(dir.resolve("fleet"));
    Files.createDirectories(dir.resolve("mirrors/sample"));
    return new ConfigLoader(Map.of())
        .load(
            Files.writeString(
                dir.resolve("driftwatch.yaml"),
                """
                sources:
                  - id: fleet
                    repository: fleet
                    path: clusters/prod
                    cluster: prod
                %s
                clusters:
                  - name: prod
                    kinds: [{apiVersion: apps/v1, kind: Deployment}]
                  - name: prod-eu
                    kinds: [{apiVersion: apps/v1, kind: Deployment}]
                """
                    .formatted(source.indent(4))));
  }

  @Test
  void aFleetIsLoadedWithItsMapsAndRelativeMirrorPathsResolved() throws IOException {
    DriftwatchConfig config =
        load(
            """
            discover:
              flux: true
              argo: false
              url: https://github.com/acme/fleet
              repositories:
                "https://github.com/openchoreo/sample-gitops": mirrors/sample
                "https://github.com/acme/": https://git.internal/acme/
              clusters:
                prod-eu-kubeconfig: prod-eu
              defaultBranch: trunk
            """);

    assertThat(config.git().fleets())
        .containsOnlyKeys("fleet")
        .extractingByKey("fleet")
        .isEqualTo(
            new DiscoveryConfig(
                true,
                false,
                "https://github.com/acme/fleet",
                Map.of(
                    "https://github.com/openchoreo/sample-gitops",
                    dir.resolve("mirrors/sample").toString(),
                    "https://github.com/acme/",
                    "https://git.internal/acme/"),
                Map.of("prod-eu-kubeconfig", "prod-eu"),
                "trunk"));
  }

  @Test
  void anEmptyBlockDiscoversFluxAndArgoWithTheDefaults() throws IOException {
    DiscoveryConfig fleet = load("discover: {}").git().fleets().get("fleet");

    assertThat(fleet).isEqualTo(DiscoveryConfig.of(true, true));
    assertThat(fleet.defaultBranch()).isEqualTo("main");
  }

  @Test
  void aSourceWithoutTheBlockIsNoFleet() throws IOException {
    assertThat(load("").git().fleets()).isEmpty();
  }

  @Test
  void everyProblemIsReportedWithItsKeyAndTheFix() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    discover:
                      flux: false
                      argo: false
                      url: not a url
                      repositories:
                        "github.com/acme": mirrors/sample
                        "https://github.com/acme/missing": mirrors/missing
                      clusters:
                        https://10.0.0.1:6443: nowhere
                    """))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("sources[0].discover: flux and argo are both false"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("sources[0].discover.url: 'not a url'"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("sources[0].discover.repositories['github.com/acme']")
                                .contains("must be a repository URL"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains("repositories['https://github.com/acme/missing']")
                                .contains("mirrors/missing is not a directory"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("sources[0].discover.clusters['https://10.0.0.1:6443']")
                                .contains("'nowhere' is not declared under clusters")));
  }

  @Test
  void anUnknownKeyInTheBlockIsRefused() {
    assertThatThrownBy(() -> load("discover:\n  helm: true\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'helm'");
  }
}
