package io.driftwatch.launcher.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.launcher.Driftwatch;
import io.driftwatch.launcher.diff.BillionLaughs;
import io.driftwatch.model.serde.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code driftwatch diff} end to end: real files, the real engine, the output a user reads. The
 * renderers and the matching are tested on hand-built results in {@code
 * io.driftwatch.launcher.diff}.
 */
class DiffCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine cli = Driftwatch.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private int diff(Path desired, Path live, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "diff";
    args[1] = "--desired=" + desired;
    args[2] = "--live=" + live;
    args[3] = "--no-color";
    System.arraycopy(more, 0, args, 4, more.length);
    return execute(args);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private Path fixture(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/diff/" + name)) {
      assertThat(in).as("test resource /diff/%s", name).isNotNull();
      return Files.write(dir.resolve(name), in.readAllBytes());
    }
  }

  private JsonNode json() throws IOException {
    return Json.mapper().readTree(out.toString());
  }

  private static final String CONFIG_MAP =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: shop
      data:
        LOG_LEVEL: info
      """;

  private static final String CONFIG_MAP_LIVE =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: shop
        uid: 0b6c7d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e
        resourceVersion: "1234"
        creationTimestamp: "2026-11-02T08:00:00Z"
        managedFields:
          - manager: kustomize-controller
            operation: Apply
            apiVersion: v1
            time: "2026-11-20T08:00:00Z"
            fieldsType: FieldsV1
            fieldsV1: {"f:data": {"f:LOG_LEVEL": {}}}
      data:
        LOG_LEVEL: info
      """;

  // Parsing and exit codes: no engine involved.

  @Test
  void diffIsListedInHelpWithItsExitCodes() {
    assertThat(execute("--help")).isZero();
    assertThat(out.toString()).contains("diff");

    assertThat(execute("diff", "--help")).isZero();
    assertThat(out.toString())
        .contains("--desired", "--live", "--rules", "--output", "--namespace", "--no-color")
        .contains("0   every resource is in sync")
        .contains("1   drift")
        .contains("2   error");
  }

  @Test
  void withoutBothFilesItIsAUsageErrorWithTwo() {
    assertThat(execute("diff", "--desired", "x.yaml")).isEqualTo(2);
    assertThat(err.toString()).contains("--live");
  }

  @Test
  void aMissingFileExitsTwoNamingIt() throws IOException {
    Path desired = write("desired.yaml", CONFIG_MAP);
    Path live = dir.resolve("live.yaml");

    assertThat(diff(desired, live)).isEqualTo(2);

    assertThat(err.toString()).isEqualTo("driftwatch diff: " + live + ": no such file\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void badYamlExitsTwoNamingFileAndLine() throws IOException {
    Path desired = write("desired.yaml", CONFIG_MAP + "---\nkind: [unclosed\nmetadata: {}\n");
    Path live = write("live.yaml", CONFIG_MAP_LIVE);

    assertThat(diff(desired, live)).isEqualTo(2);

    assertThat(err.toString())
        .startsWith("driftwatch diff: " + desired + ": invalid YAML")
        .containsPattern("line (9|10)");
  }

  @Test
  void aBillionLaughsFileExitsTwoWithinSeconds() throws IOException {
    Path desired = write("desired.yaml", CONFIG_MAP);
    Path live = write("live.yaml", BillionLaughs.YAML);

    long started = System.nanoTime();
    int status = diff(desired, live);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains(live.toString()).contains("aliases");
    assertThat(took).isLessThan(Duration.ofSeconds(3));
    System.out.println("billion laughs refused in " + took.toMillis() + " ms");
  }

  @Test
  void aHundredMegabyteDocumentExitsTwoFromItsSizeWithinSeconds() throws IOException {
    Path desired = write("desired.yaml", CONFIG_MAP);
    Path live = dir.resolve("live.yaml");
    try (BufferedWriter writer = Files.newBufferedWriter(live, StandardCharsets.UTF_8)) {
      writer.write(CONFIG_MAP);
      writer.write("  blob: ");
      String chunk = "x".repeat(1 << 20);
      for (int i = 0; i < 100; i++) {
        writer.write(chunk);
      }
      writer.write("\n");
    }
    long size = Files.size(live);
    assertThat(size).isGreaterThan(100L * 1024 * 1024);

    long started = System.nanoTime();
    int status = diff(desired, live);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains(live + ": is " + size + " bytes")
        .contains("at most 8388608 bytes");
    assertThat(took).isLessThan(Duration.ofSeconds(3));
    System.out.println("100 MB document refused in " + took.toMillis() + " ms");
  }

  @Test
  void twoObjectsWithOneIdentityExitTwoNamingBothDocuments() throws IOException {
    Path desired =
        write(
            "desired.yaml",
            CONFIG_MAP
                + "---\napiVersion: v1\nkind: Service\nmetadata: {name: x}\n---\n"
                + CONFIG_MAP);
    Path live = write("live.yaml", CONFIG_MAP_LIVE);

    assertThat(diff(desired, live)).isEqualTo(2);

    assertThat(err.toString())
        .contains("/ConfigMap/shop/settings")
        .contains(desired + ", document 1")
        .contains(desired + ", document 3");
  }

  @Test
  void anEmptyNamespaceIsRefused() throws IOException {
    Path file = write("desired.yaml", CONFIG_MAP);

    assertThat(diff(file, file, "--namespace=")).isEqualTo(2);
    assertThat(err.toString()).contains("--namespace");
  }

  @Test
  void colourOnlyOnATerminalWithoutNoColor() {
    assertThat(DiffCommand.useColour(true, "")).isTrue();
    assertThat(DiffCommand.useColour(true, null)).isTrue();
    assertThat(DiffCommand.useColour(true, "1")).isFalse();
    assertThat(DiffCommand.useColour(false, "")).isFalse();
  }

  @Test
  void theOutputOfATestRunIsNeverColoured() throws IOException {
    // Tests run without a terminal, so even without --no-color there is no escape.
    Path desired = write("desired.yaml", CONFIG_MAP);
    Path live =
        write("live.yaml", CONFIG_MAP_LIVE.replace("LOG_LEVEL: info\n", "LOG_LEVEL: debug\n"));

    int status = execute("diff", "--desired", desired.toString(), "--live", live.toString());

    assertThat(status).as(err.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("@@ /data/LOG_LEVEL @@").doesNotContain("\u001b");
  }

  // End to end through the engine.

  @Test
  void identicalResourcesExitZero() throws IOException {
    Path desired = write("desired.yaml", CONFIG_MAP);
    Path live = write("live.yaml", CONFIG_MAP_LIVE);

    assertThat(diff(desired, live, "-o", "json")).as(err.toString()).isZero();

    assertThat(json())
        .isEqualTo(
            Json.mapper()
                .readTree(
                    """
                    {"inSync": true, "resources": [
                      {"key": "/ConfigMap/shop/settings", "type": "NONE", "fields": []}]}
                    """));
  }

  @Test
  void aScaledDeploymentExitsOneWithTheJsonContract() throws IOException {
    Path desired = fixture("deployment-desired.yaml");
    Path live = fixture("deployment-live.yaml");

    assertThat(diff(desired, live, "--output=json")).as(err.toString()).isEqualTo(1);

    assertThat(json())
        .isEqualTo(
            Json.mapper()
                .readTree(
                    """
                    {"inSync": false, "resources": [
                      {"key": "apps/Deployment/shop/api", "type": "MODIFIED", "fields": [
                        {"path": "/spec/replicas", "desired": 2, "live": 5,
                         "owner": {"manager": "kubectl-scale", "operation": "Update",
                                   "time": "2026-11-20T09:15:00Z"}}]}]}
                    """));
  }

  @Test
  void theTextOutputShowsTheHunkAndWhoSetIt() throws IOException {
    Path desired = fixture("deployment-desired.yaml");
    Path live = fixture("deployment-live.yaml");

    assertThat(diff(desired, live)).as(err.toString()).isEqualTo(1);

    assertThat(out.toString().lines().toList())
        .containsSubsequence(
            "--- desired apps/Deployment/shop/api",
            "+++ live    apps/Deployment/shop/api  MODIFIED: 1 field differs",
            "@@ /spec/replicas @@",
            "- 2",
            "+ 5",
            "  (set by kubectl-scale, Update, 2026-11-20T09:15:00Z)",
            "1 resource: 0 in sync, 1 drifted, 0 missing live, 0 extra live");
  }

  @Test
  void aLiveListIsMatchedItemByItemAndMissingOrExtraIsDrift() throws IOException {
    Path desired =
        write(
            "desired.yaml",
            CONFIG_MAP
                + "---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n"
                + "spec:\n  ports: [{port: 80}]\n");
    Path live =
        write(
            "live.yaml",
            """
            apiVersion: v1
            kind: List
            metadata: {resourceVersion: ""}
            items:
              - apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: shop
                  resourceVersion: "1234"
                data:
                  LOG_LEVEL: info
              - apiVersion: v1
                kind: ServiceAccount
                metadata: {name: robot, namespace: shop}
            """);

    assertThat(diff(desired, live, "-o", "json")).as(err.toString()).isEqualTo(1);

    JsonNode resources = json().get("resources");
    assertThat(resources).hasSize(3);
    assertThat(resources.get(0).get("key").asText()).isEqualTo("/ConfigMap/shop/settings");
    assertThat(resources.get(0).get("type").asText()).isEqualTo("NONE");
    assertThat(resources.get(1).get("key").asText()).isEqualTo("/Service/default/web");
    assertThat(resources.get(1).get("type").asText()).isEqualTo("MISSING_LIVE");
    assertThat(resources.get(2).get("key").asText()).isEqualTo("/ServiceAccount/shop/robot");
    assertThat(resources.get(2).get("type").asText()).isEqualTo("EXTRA_LIVE");
  }

  @Test
  void jsonFilesAreCompared() throws IOException {
    Path desired =
        write(
            "desired.json",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\",\n"
                + "\t\"metadata\": {\"name\": \"settings\", \"namespace\": \"shop\"},\n"
                + "\t\"data\": {\"LOG_LEVEL\": \"info\"}}\n"
                + "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\","
                + " \"metadata\": {\"name\": \"other\", \"namespace\": \"shop\"}, \"data\": {\"a\": \"1\"}}\n");
    Path live =
        write(
            "live.json",
            """
            {
                "apiVersion": "v1",
                "kind": "List",
                "items": [
                    {"apiVersion": "v1", "kind": "ConfigMap",
                     "metadata": {"name": "settings", "namespace": "shop", "resourceVersion": "9"},
                     "data": {"LOG_LEVEL": "debug"}},
                    {"apiVersion": "v1", "kind": "ConfigMap",
                     "metadata": {"name": "other", "namespace": "shop"}, "data": {"a": "1"}}
                ]
            }
            """);

    assertThat(diff(desired, live, "-o", "json")).as(err.toString()).isEqualTo(1);

    JsonNode resources = json().get("resources");
    assertThat(resources.get(0).get("type").asText()).isEqualTo("NONE");
    assertThat(resources.get(1).get("key").asText()).isEqualTo("/ConfigMap/shop/settings");
    assertThat(resources.get(1).get("fields"))
        .isEqualTo(
            Json.mapper()
                .readTree(
                    "[{\"path\": \"/data/LOG_LEVEL\", \"desired\": \"info\", \"live\": \"debug\"}]"));
  }

  @Test
  void aSecretValueNeverAppearsInTextOrJson() throws IOException {
    String gitValue = "hunter2-from-git";
    String liveValue = "s3cret-changed-live";
    String liveBase64 = base64(liveValue);
    Path desired =
        write(
            "desired.yaml",
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: db, namespace: shop}
            stringData:
              password: %s
            """
                .formatted(gitValue));
    Path live =
        write(
            "live.yaml",
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
              namespace: shop
              annotations:
                kubectl.kubernetes.io/last-applied-configuration: '{"stringData":{"password":"%s"}}'
            type: Opaque
            data:
              password: %s
            """
                .formatted(liveValue, liveBase64));

    assertThat(diff(desired, live)).as(err.toString()).isEqualTo(1);
    String text = out.toString() + err.toString();
    out.getBuffer().setLength(0);
    assertThat(diff(desired, live, "-o", "json")).as(err.toString()).isEqualTo(1);
    String json = out.toString() + err.toString();

    for (String output : new String[] {text, json}) {
      assertThat(output)
          .contains("/data/password")
          .contains("hmac-sha256:")
          .doesNotContain(gitValue)
          .doesNotContain(base64(gitValue))
          .doesNotContain(liveValue)
          .doesNotContain(liveBase64);
    }
  }

  @Test
  void aRulesFileIsApplied() throws IOException {
    Path desired = fixture("deployment-desired.yaml");
    Path live = fixture("deployment-live.yaml");
    Path rules =
        write(
            "rules.yaml",
            """
            - group: apps
              kind: Deployment
              jsonPointers:
                - /spec/replicas
            """);

    assertThat(diff(desired, live, "--rules", rules.toString())).as(err.toString()).isZero();

    assertThat(out.toString()).contains("1 resource: 1 in sync, 0 drifted");
  }

  @Test
  void anUnknownRulesKeyExitsTwoWithTheMessage() throws IOException {
    Path desired = write("desired.yaml", CONFIG_MAP);
    Path live = write("live.yaml", CONFIG_MAP_LIVE);
    Path rules = write("rules.yaml", "- kind: ConfigMap\n  jsonPointer: [/data]\n");

    assertThat(diff(desired, live, "--rules", rules.toString())).isEqualTo(2);

    assertThat(err.toString())
        .startsWith("driftwatch diff: ")
        .doesNotContain("internal error")
        .contains(rules.toString())
        .contains("jsonPointer");
    assertThat(out.toString()).isEmpty();
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
