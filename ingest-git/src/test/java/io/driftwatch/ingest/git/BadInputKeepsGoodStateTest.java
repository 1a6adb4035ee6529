package io.driftwatch.ingest.git;

import static io.driftwatch.ingest.git.GitFixture.configMap;
import static io.driftwatch.ingest.git.GitFixture.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.ingest.git.publish.ChangePlan;
import io.driftwatch.ingest.git.publish.ChangePlanner;
import io.driftwatch.ingest.git.publish.PublishedObject;
import io.driftwatch.ingest.git.render.DesiredSet;
import io.driftwatch.ingest.git.render.DesiredSetAssembler;
import io.driftwatch.ingest.git.render.RenderError;
import io.driftwatch.ingest.git.render.RenderResult;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.ingest.git.render.kustomize.KustomizeRenderer;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.secret.SecretRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of bad input of issue 4 in a real JGit commit, taken through what a poll does before
 * Kafka (the in-process renderer, the desired-set assembly and the change plan): the bad file is an
 * error naming it, everything else is rendered, and nothing it declared before is tombstoned.
 */
class BadInputKeepsGoodStateTest {

  private static final String CLUSTER = "prod";
  private static final SecretRedactor REDACTOR =
      new SecretRedactor("bad-input-test-hmac-key-0123".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;
  private GitFixture repo;

  @BeforeEach
  void createRepository() {
    repo = GitFixture.create(dir);
  }

  @AfterEach
  void closeRepository() {
    repo.close();
  }

  /** Renders and assembles a commit's {@code deploy} path as {@link SourcePoller} does. */
  private DesiredSet desired(String sha) throws IOException {
    RenderResult rendered =
        new KustomizeRenderer(YamlLimits.DEFAULTS, Optional.empty())
            .render(repo.tree(sha), "deploy");
    assertThat(rendered.failed()).as("the render failed as a whole").isFalse();
    return new DesiredSetAssembler(REDACTOR).assemble(rendered, CLUSTER, "apps");
  }

  private static ResourceKey deploymentKey(String name) {
    return new ResourceKey(CLUSTER, "apps", "Deployment", "apps", name);
  }

  private static ResourceKey configMapKey(String name) {
    return new ResourceKey(CLUSTER, "", "ConfigMap", "apps", name);
  }

  /** A ConfigMap whose value {@code café} is written in Latin-1 (0xE9), on line 6 of the file. */
  static byte[] latin1ConfigMap(String name) {
    return configMap(name, "café").getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A file that is valid YAML but expands to 9^9 values once its aliases are resolved. */
  static String billionLaughs() {
    StringBuilder laughs =
        new StringBuilder(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\n"
                + "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      laughs.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        laughs.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
      }
      laughs.append("]\n");
    }
    return laughs.toString();
  }

  @Test
  void duplicateResourceAcrossFilesNamesBothFilesAndTheFirstDeclarationIsKept() throws IOException {
    String sha =
        repo.write("deploy/a-web.yaml", deployment("web", 2))
            .write("deploy/z-copy.yaml", deployment("web", 5))
            .write("deploy/other.yaml", configMap("other", "x"))
            .commit("duplicate");

    DesiredSet desired = desired(sha);

    assertThat(desired.objects()).containsKeys(deploymentKey("web"), configMapKey("other"));
    assertThat(desired.objects().get(deploymentKey("web")).path()).isEqualTo("deploy/a-web.yaml");
    assertThat(desired.objects().get(deploymentKey("web")).manifest().at("/spec/replicas").asInt())
        .isEqualTo(2);
    RenderError error = desired.errors().stream().findFirst().orElseThrow();
    assertThat(desired.errors()).hasSize(1);
    assertThat(error.path()).isEqualTo("deploy/z-copy.yaml");
    assertThat(error.reason())
        .contains("deploy/a-web.yaml")
        .contains("deploy/z-copy.yaml")
        .contains("Deployment apps/web");
  }

  @Test
  void nonUtf8FileIsAnErrorNamingWhereTheBadByteIsAndTheOtherFilesAreRendered() throws IOException {
    String sha =
        repo.writeBytes("deploy/latin1.yaml", latin1ConfigMap("latin"))
            .write("deploy/web.yaml", deployment("web", 1))
            .commit("latin-1");

    DesiredSet desired = desired(sha);

    assertThat(desired.objects()).containsOnlyKeys(deploymentKey("web"));
    assertThat(desired.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path()).isEqualTo("deploy/latin1.yaml");
              // "café" is on line 6: the é follows 11 characters of indentation, key and quote.
              int offset = configMap("latin", "caf").indexOf("caf\"") + 3;
              assertThat(e.reason())
                  .contains("not valid UTF-8")
                  .contains("line 6, column 12")
                  .contains("byte offset " + offset)
                  .doesNotContain("caf");
            });
  }

  @Test
  void fiftyMegabyteFileIsRefusedBySizeWithoutBeingReadAndTheRestIsRendered() throws IOException {
    StringBuilder huge = new StringBuilder(51 * 1024 * 1024);
    huge.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n");
    String line = "  k%08d: \"" + "x".repeat(80) + "\"\n";
    for (int i = 0; huge.length() < 50 * 1024 * 1024; i++) {
      huge.append(line.formatted(i));
    }
    String sha =
        repo.write("deploy/huge.yaml", huge.toString())
            .write("deploy/web.yaml", deployment("web", 1))
            .commit("huge");

    long started = System.nanoTime();
    DesiredSet desired = desired(sha);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(desired.objects()).containsOnlyKeys(deploymentKey("web"));
    assertThat(desired.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path()).isEqualTo("deploy/huge.yaml");
              assertThat(e.reason())
                  .contains("deploy/huge.yaml")
                  .contains(String.valueOf(huge.length()))
                  .contains(String.valueOf(YamlLimits.DEFAULTS.maxFileBytes()));
            });
  }

  @Test
  void yamlBombBesideAGoodFileIsAnErrorForTheBombOnly() throws IOException {
    String sha =
        repo.write("deploy/bomb.yaml", billionLaughs())
            .write("deploy/web.yaml", deployment("web", 1))
            .commit("bomb");

    long started = System.nanoTime();
    DesiredSet desired = desired(sha);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(desired.objects()).containsOnlyKeys(deploymentKey("web"));
    assertThat(desired.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path()).isEqualTo("deploy/bomb.yaml");
              assertThat(e.reason()).startsWith("invalid YAML: ").contains("aliases");
            });
  }

  static Stream<Arguments> breakages() {
    return Stream.of(
        Arguments.of(
            "malformed YAML", "data:\n  key: [unclosed\n".getBytes(StandardCharsets.UTF_8)),
        Arguments.of("Latin-1 bytes", latin1ConfigMap("settings")),
        Arguments.of("a YAML bomb", billionLaughs().getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakages")
  void fileThatWasGoodAndBreaksKeepsItsObjectsWithoutATombstone(String what, byte[] broken)
      throws IOException {
    String good =
        repo.write(
                "deploy/settings.yaml",
                configMap("settings", "v1") + "---\n" + deployment("api", 1))
            .write("deploy/web.yaml", deployment("web", 1))
            .commit("good");
    ChangePlan first = ChangePlanner.plan(Map.of(), desired(good));
    assertThat(first.next())
        .containsOnlyKeys(configMapKey("settings"), deploymentKey("api"), deploymentKey("web"));

    String bad =
        repo.writeBytes("deploy/settings.yaml", broken)
            .write("deploy/web.yaml", deployment("web", 3))
            .commit("break settings.yaml");
    DesiredSet desired = desired(bad);
    ChangePlan second = ChangePlanner.plan(first.next(), desired);

    assertThat(desired.errors()).extracting(RenderError::path).containsOnly("deploy/settings.yaml");
    assertThat(second.tombstones()).isEmpty();
    assertThat(second.retained())
        .containsExactlyInAnyOrder(configMapKey("settings"), deploymentKey("api"));
    assertThat(second.upserts()).containsOnlyKeys(deploymentKey("web"));
    Map<ResourceKey, PublishedObject> next = second.next();
    assertThat(next.get(configMapKey("settings")))
        .isEqualTo(first.next().get(configMapKey("settings")));
    assertThat(next).hasSize(3);
  }
}
