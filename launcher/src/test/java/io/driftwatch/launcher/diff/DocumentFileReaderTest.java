package io.driftwatch.launcher.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.git.render.YamlLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentFileReaderTest {

  @TempDir Path dir;

  private final DocumentFileReader reader = new DocumentFileReader(YamlLimits.DEFAULTS);

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void yamlDocumentsKeepTheirNumbersAcrossEmptyOnes() throws Exception {
    Path file = write("multi.yaml", "a: 1\n---\n# only a comment\n---\nb: 2\n");

    List<JsonNode> documents = reader.read(file);

    assertThat(documents).hasSize(3);
    assertThat(documents.get(0).get("a").asInt()).isEqualTo(1);
    assertThat(documents.get(1)).isNull();
    assertThat(documents.get(2).get("b").asInt()).isEqualTo(2);
  }

  @Test
  void tabIndentedJsonIsRead() throws Exception {
    Path file =
        write("live.json", "{\n\t\"kind\": \"ConfigMap\",\n\t\"data\": {\"a\": \"1\"}\n}\n");

    List<JsonNode> documents = reader.read(file);

    assertThat(documents).hasSize(1);
    assertThat(documents.get(0).at("/data/a").asText()).isEqualTo("1");
  }

  @Test
  void concatenatedJsonValuesAreSeparateDocuments() throws Exception {
    Path file = write("stream.json", "{\"a\": 1}\n{\"b\": 2}\n");

    assertThat(reader.read(file)).extracting(n -> n.fieldNames().next()).containsExactly("a", "b");
  }

  @Test
  void aFileStartingWithABraceIsJsonAsKubectlDecides() throws IOException {
    Path file = write("flow.yaml", "{kind: ConfigMap, data: {a: b}}\n");

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(DiffInputException.class)
        .hasMessageStartingWith(file + ": invalid JSON at line 1");
  }

  @Test
  void invalidYamlNamesTheFileAndLine() throws IOException {
    Path file = write("bad.yaml", "kind: ConfigMap\nmetadata:\n  name: x\n   broken: [\n");

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(DiffInputException.class)
        .hasMessageStartingWith(file + ": invalid YAML")
        .hasMessageContaining("line 4");
  }

  @Test
  void invalidJsonNamesTheFileAndLineWithoutQuotingIt() throws IOException {
    Path file = write("bad.json", "{\n  \"data\": {\n    \"token\": hunter2-s3cret\n  }\n}\n");

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(DiffInputException.class)
        .hasMessageStartingWith(file + ": invalid JSON at line 3")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(DiffInputException.class)
        .hasMessage(file + ": no such file");
  }

  @Test
  void aDirectoryIsRefused() {
    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOf(DiffInputException.class)
        .hasMessageContaining("is a directory");
  }

  @Test
  void aFileOverTheLimitIsRefusedFromItsSize() throws IOException {
    YamlLimits small = new YamlLimits(1024, 1024 * 1024, 50, 100, 500_000);
    Path file = write("big.yaml", "a: " + "x".repeat(2000) + "\n");

    assertThatThrownBy(() -> new DocumentFileReader(small).read(file))
        .isInstanceOf(DiffInputException.class)
        .hasMessageContaining(file + ": is 2004 bytes")
        .hasMessageContaining("at most 1024 bytes");
  }

  @Test
  void anEndlessStreamIsCutOneBytePastTheLimit() {
    // A pipe (kubectl get ... | driftwatch diff --live /dev/stdin) has no size to check first.
    YamlLimits small = new YamlLimits(1024, 1024 * 1024, 50, 100, 500_000);

    assertThatThrownBy(() -> new DocumentFileReader(small).read(Path.of("/dev/zero")))
        .isInstanceOf(DiffInputException.class)
        .hasMessageContaining("/dev/zero: is more than 1024 bytes");
  }

  @Test
  void jsonNestedBeyondTheDepthLimitIsRefused() throws IOException {
    Path file = write("deep.json", "[".repeat(500) + "]".repeat(500));

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(DiffInputException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining("100");
  }

  @Test
  void aBillionLaughsFileIsRefused() throws IOException {
    Path file = write("lol.yaml", BillionLaughs.YAML);

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(DiffInputException.class)
        .hasMessageStartingWith(file + ": invalid YAML")
        .hasMessageContaining("aliases");
  }
}
