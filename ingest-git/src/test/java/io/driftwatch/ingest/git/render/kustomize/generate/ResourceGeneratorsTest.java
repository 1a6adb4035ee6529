package io.driftwatch.ingest.git.render.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.ingest.git.render.BoundedYamlReader;
import io.driftwatch.ingest.git.render.YamlLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Entry semantics and errors. Where kubectl's behaviour is not obvious, the comment says what
 * {@code kubectl kustomize} (v5.5.0) did with the same entry.
 */
class ResourceGeneratorsTest {

  private static final String SECRET_VALUE = "hunter2-Sup3rS3cret";

  private final Map<String, byte[]> files = new HashMap<>();

  private final FileSource source =
      path -> {
        byte[] content = files.get(path);
        if (content == null) {
          throw new NoSuchFileException(path);
        }
        return content;
      };

  private static JsonNode yaml(String text) throws Exception {
    return new BoundedYamlReader(YamlLimits.DEFAULTS)
        .read(text.getBytes(StandardCharsets.UTF_8))
        .get(0);
  }

  private List<Generated> generate(String kustomization) throws Exception {
    return ResourceGenerators.generate(yaml(kustomization), source);
  }

  private ResourceGeneratorsTest file(String path, String content) {
    files.put(path, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  @Test
  void aKustomizationWithoutGeneratorsGeneratesNothing() throws Exception {
    assertThat(generate("resources:\n- a.yaml\n")).isEmpty();
  }

  @Test
  void configMapsComeFirstThenSecretsEachInDeclarationOrder() throws Exception {
    List<Generated> generated =
        generate(
            "secretGenerator:\n- name: s1\n- name: s2\n"
                + "configMapGenerator:\n- name: c1\n- name: c2\n");

    assertThat(generated)
        .extracting(g -> g.object().path("kind").asText() + "/" + g.object().at("/metadata/name"))
        .containsExactly("ConfigMap/\"c1\"", "ConfigMap/\"c2\"", "Secret/\"s1\"", "Secret/\"s2\"");
  }

  @Test
  void theObjectKeepsItsDeclaredNameAndTheHashIsLeftToTheCaller() throws Exception {
    Generated generated = generate("configMapGenerator:\n- name: app\n").get(0);

    assertThat(generated.object().at("/metadata/name").asText()).isEqualTo("app");
    assertThat(generated.hashSuffix()).isTrue();
    assertThat(ResourceGenerators.hashSuffix(generated.object())).isEqualTo("6ct58987ht");
  }

  @Test
  void behaviorIsMergeReplaceOrCreateAndAnythingElseIsCreate() throws Exception {
    // kubectl: "behavior: Merge" and "behavior: bogus" build like create.
    List<Generated> generated =
        generate(
            "configMapGenerator:\n"
                + "- name: a\n  behavior: merge\n"
                + "- name: b\n  behavior: replace\n"
                + "- name: c\n  behavior: create\n"
                + "- name: d\n  behavior: Merge\n"
                + "- name: e\n  behavior: bogus\n"
                + "- name: f\n");

    assertThat(generated)
        .extracting(Generated::behavior)
        .containsExactly("merge", "replace", "create", "create", "create", "create");
  }

  @Test
  void entryOptionsWinOverGeneratorOptionsButCannotTurnOffTheirFlags() throws Exception {
    List<Generated> generated =
        generate(
            "generatorOptions:\n"
                + "  labels: {team: platform, tier: global}\n"
                + "  disableNameSuffixHash: true\n"
                + "  immutable: true\n"
                + "configMapGenerator:\n"
                + "- name: a\n"
                + "  options:\n"
                + "    labels: {tier: entry}\n"
                + "    disableNameSuffixHash: false\n"
                + "    immutable: false\n");

    Generated a = generated.get(0);
    assertThat(a.hashSuffix()).isFalse();
    assertThat(a.object().path("immutable").asBoolean()).isTrue();
    assertThat(a.object().at("/metadata/labels").toString())
        .isEqualTo("{\"team\":\"platform\",\"tier\":\"entry\"}");
  }

  @Test
  void aSecretIsOpaqueUnlessTypedAndItsValuesAreBase64() throws Exception {
    List<Generated> generated =
        generate(
            "secretGenerator:\n"
                + "- name: plain\n  literals: [password="
                + SECRET_VALUE
                + "]\n"
                + "- name: empty-type\n  type: ''\n"
                + "- name: tls\n  type: kubernetes.io/tls\n");

    assertThat(generated)
        .extracting(g -> g.object().path("type").asText())
        .containsExactly("Opaque", "Opaque", "kubernetes.io/tls");
    assertThat(generated.get(0).object().at("/data/password").asText())
        .isEqualTo("aHVudGVyMi1TdXAzclMzY3JldA==");
  }

  @Test
  void theLegacyEnvFieldIsReadAfterEnvs() throws Exception {
    file("a.env", "A=1\n").file("b.env", "B=2\n");

    Generated generated =
        generate("configMapGenerator:\n- name: x\n  env: b.env\n  envs: [a.env]\n").get(0);

    assertThat(generated.object().path("data").toString()).isEqualTo("{\"A\":\"1\",\"B\":\"2\"}");
  }

  @Test
  void aValueThatIsNotUtf8GoesToBinaryData() throws Exception {
    files.put("blob", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    files.put("text", "plain".getBytes(StandardCharsets.UTF_8));

    Generated generated =
        generate("configMapGenerator:\n- name: x\n  files: [blob, text]\n").get(0);

    assertThat(generated.object().path("binaryData").toString())
        .isEqualTo("{\"blob\":\"//4AAQ==\"}");
    assertThat(generated.object().path("data").toString()).isEqualTo("{\"text\":\"plain\"}");
  }

  @Test
  void aFileKeyIsItsBaseNameOrTheNameBeforeTheEquals() throws Exception {
    file("dir/sub/app.properties", "x").file("dir/", "y");

    Generated generated =
        generate(
                "configMapGenerator:\n- name: x\n"
                    + "  files: [dir/sub/app.properties, custom=dir/sub/app.properties]\n")
            .get(0);

    assertThat(generated.object().path("data").toString())
        .isEqualTo("{\"app.properties\":\"x\",\"custom\":\"x\"}");
    assertThat(KeyValueLoader.baseName("dir/")).isEqualTo("dir");
    assertThat(KeyValueLoader.baseName("./a")).isEqualTo("a");
  }

  @Test
  void aRepeatedKeyIsAnErrorNamingTheEntryAndTheKey() throws Exception {
    // kubectl: "configmap x illegally repeats the key `K`" (env file first, then the literal).
    file("k.env", "K=1\n");

    assertThatThrownBy(
            () -> generate("configMapGenerator:\n- name: x\n  literals: [K=2]\n  envs: [k.env]\n"))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining("configMapGenerator 'x'")
        .hasMessageContaining("'K'");
  }

  @Test
  void aRepeatedSecretKeyDoesNotRevealEitherValue() throws Exception {
    assertThatThrownBy(
            () ->
                generate(
                    "secretGenerator:\n- name: creds\n  literals:\n"
                        + "  - password="
                        + SECRET_VALUE
                        + "\n  - password=other-"
                        + SECRET_VALUE
                        + "\n"))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining("secretGenerator 'creds'")
        .hasMessageNotContaining(SECRET_VALUE);
  }

  @Test
  void aSecretLiteralWithoutKeyOrEqualsIsAnErrorThatDoesNotQuoteIt() throws Exception {
    // kubectl quotes the literal ("invalid literal source hunter2, expected key=value"); a
    // literal without '=' is often nothing but the value, so this message names its position.
    for (String literal : List.of(SECRET_VALUE, "=" + SECRET_VALUE)) {
      assertThatThrownBy(
              () -> generate("secretGenerator:\n- name: creds\n  literals: ['" + literal + "']\n"))
          .isInstanceOf(GeneratorException.class)
          .hasMessageContaining("secretGenerator 'creds' literals[0]")
          .hasMessageNotContaining(SECRET_VALUE);
    }
  }

  @Test
  void anEnvFileLineThatIsNotUtf8IsAnErrorWithTheLineNumberNotTheLine() throws Exception {
    byte[] bad = ("A=1\nPASSWORD=" + SECRET_VALUE + "\u00ff").getBytes(StandardCharsets.ISO_8859_1);
    files.put("secret.env", bad);

    assertThatThrownBy(() -> generate("secretGenerator:\n- name: creds\n  envs: [secret.env]\n"))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining("secretGenerator 'creds'")
        .hasMessageContaining("'secret.env' line 2")
        .hasMessageNotContaining(SECRET_VALUE);
  }

  @Test
  void aSecretKeyThatYamlReadsAsANumberIsAnErrorWithoutTheValue() throws Exception {
    // kubectl: "json: unsupported type: map[interface {}]interface {}" for a data key "1".
    assertThatThrownBy(
            () ->
                generate(
                    "secretGenerator:\n- name: creds\n  literals: ['1=" + SECRET_VALUE + "']\n"))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining("'1'")
        .hasMessageNotContaining(SECRET_VALUE);
  }

  @Test
  void aMissingFileIsAnErrorNamingTheEntryAndThePath() throws Exception {
    assertThatThrownBy(() -> generate("configMapGenerator:\n- name: x\n  files: [missing.txt]\n"))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining("configMapGenerator 'x'")
        .hasMessageContaining("'missing.txt'");
    assertThatThrownBy(() -> generate("configMapGenerator:\n- name: x\n  envs: [missing.env]\n"))
        .hasMessageContaining("env file 'missing.env'");
  }

  @Test
  void malformedFileSourcesAreErrors() throws Exception {
    // kubectl: missing key name / missing file path / key name or file path contains '='.
    for (String bad : List.of("=a.txt", "key=", "a=b=c")) {
      assertThatThrownBy(
              () -> generate("configMapGenerator:\n- name: x\n  files: ['" + bad + "']\n"))
          .isInstanceOf(GeneratorException.class)
          .hasMessageContaining("configMapGenerator 'x' files: '" + bad + "'");
    }
  }

  @Test
  void anEntryWithoutANameIsAnError() throws Exception {
    // kubectl: "a configmap must have a name" for no name, an empty name and a null entry.
    for (String entry : List.of("literals: [a=b]", "name: ''", "null")) {
      assertThatThrownBy(() -> generate("configMapGenerator:\n- " + entry + "\n"))
          .isInstanceOf(GeneratorException.class)
          .hasMessage("configMapGenerator[0]: the entry has no name");
    }
  }

  @Test
  void unknownFieldsAndWrongTypesAreErrorsAsInKustomizesStrictDecoding() throws Exception {
    // kubectl: 'json: unknown field "type"' (a ConfigMap has none), "cannot unmarshal number
    // into ... literals of type string", "cannot unmarshal string into ... of type bool".
    assertThatThrownBy(() -> generate("configMapGenerator:\n- name: x\n  type: Opaque\n"))
        .hasMessage("configMapGenerator[0]: unknown field 'type'");
    assertThatThrownBy(() -> generate("configMapGenerator:\n- name: x\n  literals: [1]\n"))
        .hasMessage("configMapGenerator 'x': 'literals' must be a list of strings");
    assertThatThrownBy(() -> generate("configMapGenerator:\n- name: x\n  literals: a=b\n"))
        .hasMessage("configMapGenerator 'x': 'literals' must be a list of strings");
    assertThatThrownBy(
            () ->
                generate(
                    "configMapGenerator:\n- name: x\n  options: {disableNameSuffixHash: 'true'}\n"))
        .hasMessage(
            "configMapGenerator 'x' options: 'disableNameSuffixHash' must be true or false");
    assertThatThrownBy(() -> generate("generatorOptions:\n  labels: {a: 1}\n"))
        .hasMessage("generatorOptions: 'labels.a' must be a string");
    assertThatThrownBy(() -> generate("generatorOptions:\n  foo: 1\n"))
        .hasMessage("generatorOptions: unknown field 'foo'");
    assertThatThrownBy(() -> generate("configMapGenerator: {}\n"))
        .hasMessage("configMapGenerator must be a list of entries");
  }

  @Test
  void keysAreNotValidatedBeyondWhatKustomizeChecks() throws Exception {
    // kubectl v5.5.0 accepts keys the API server would refuse ("a b", "a/b", "..a"); parity
    // with it means generating them too.
    Generated generated =
        generate("configMapGenerator:\n- name: x\n  literals: ['a b=1', 'a/b=2', '..a=3']\n")
            .get(0);

    assertThat(generated.object().path("data").size()).isEqualTo(3);
  }

  @Test
  void theKustomizationIsNotModified() throws Exception {
    JsonNode kustomization =
        yaml(
            "generatorOptions: {labels: {a: b}}\nconfigMapGenerator:\n- name: x\n  literals: [k=v]\n");
    JsonNode copy = kustomization.deepCopy();

    ResourceGenerators.generate(kustomization, source);

    assertThat(kustomization).isEqualTo(copy);
  }
}
