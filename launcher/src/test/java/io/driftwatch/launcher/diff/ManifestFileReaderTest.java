package io.driftwatch.launcher.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.model.secret.SecretRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFileReaderTest {

  @TempDir Path dir;

  private final ManifestFileReader reader =
      new ManifestFileReader(
          new DocumentFileReader(YamlLimits.DEFAULTS), new SecretRedactor(new byte[32]));

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void everyDocumentIsAnObjectWithItsOrigin() throws Exception {
    Path file =
        write(
            "desired.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: a}
            ---
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: b}
            """);

    List<ManifestDocument> read = reader.read(file);

    assertThat(read)
        .extracting(ManifestDocument::origin)
        .containsExactly(file + ", document 1", file + ", document 3");
    assertThat(read.get(1).manifest().path("kind").asText()).isEqualTo("Service");
  }

  @Test
  void theItemsOfAListAreExpanded() throws Exception {
    Path file =
        write(
            "live.yaml",
            """
            apiVersion: v1
            kind: List
            metadata: {resourceVersion: ""}
            items:
              - apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, namespace: shop}
              - apiVersion: apps/v1
                kind: Deployment
                metadata: {name: b, namespace: shop}
            """);

    List<ManifestDocument> read = reader.read(file);

    assertThat(read)
        .extracting(d -> d.manifest().at("/metadata/name").asText())
        .containsExactly("a", "b");
    assertThat(read.get(1).origin()).isEqualTo(file + ", document 1, item 2 of the List");
  }

  @Test
  void aTypedListAsKubectlPrintsItIsExpanded() throws Exception {
    Path file =
        write(
            "live.json",
            """
            {"apiVersion": "v1", "kind": "ConfigMapList", "items": [
              {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}]}
            """);

    assertThat(reader.read(file))
        .singleElement()
        .satisfies(d -> assertThat(d.manifest().at("/metadata/name").asText()).isEqualTo("a"));
  }

  @Test
  void aDocumentWithoutIdentityIsAnErrorNamingIt() throws IOException {
    Path file =
        write(
            "desired.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nreplicas: 3\n");

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(DiffInputException.class)
        .hasMessage(
            file
                + ", document 2: not a Kubernetes object: missing apiVersion, kind, metadata.name");
  }

  @Test
  void aScalarDocumentIsAnErrorNamingIt() throws IOException {
    Path file = write("desired.yaml", "just text\n");

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(DiffInputException.class)
        .hasMessage(file + ", document 1: not a Kubernetes object (a string, not a mapping)");
  }

  @Test
  void secretValuesAreReplacedAsTheyAreRead() throws Exception {
    String plain = "hunter2-s3cret";
    String base64 = Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    Path file =
        write(
            "secrets.yaml",
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: db}
            stringData: {password: %s}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: api}
            data: {token: %s}
            """
                .formatted(plain, base64));

    List<ManifestDocument> read = reader.read(file);

    assertThat(read.toString()).doesNotContain(plain).doesNotContain(base64);
    assertThat(read.get(0).manifest().at("/data/password").asText()).startsWith("hmac-sha256:");
    assertThat(read.get(1).manifest().at("/data/token").asText()).startsWith("hmac-sha256:");
  }
}
