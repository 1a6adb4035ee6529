package io.driftwatch.ingest.git.render.kustomize.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * kustomize's name suffix on real objects. Every expected suffix below was printed by {@code
 * kubectl kustomize} (kustomize v5.5.0) for an object with exactly this content.
 */
class ContentHashTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode object(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
  }

  private static String configMap(String data) throws Exception {
    return ResourceGenerators.hashSuffix(
        object(
            "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},'data':" + data + "}"));
  }

  @Test
  void emptyConfigMapWithoutDataField() throws Exception {
    assertThat(
            ResourceGenerators.hashSuffix(
                object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'empty'}}")))
        .isEqualTo("6ct58987ht");
  }

  @Test
  void literalsWithEqualsSignsQuotesAndEmptyValues() throws Exception {
    ObjectNode literals =
        object(
            "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'lit'},'data':{'a':'b',"
                + "'c':'d=e','e':'','q':'quoted','s':'single'}}");
    literals.withObject("/data").put("m", "\"mismatch'");
    assertThat(ResourceGenerators.hashSuffix(literals)).isEqualTo("h5k467ft4c");
  }

  @Test
  void envFileValues() throws Exception {
    assertThat(configMap("{'DB_HOST':'db.local','DB_PORT':'5432'}")).isEqualTo("t6f5d7c6ct");
  }

  @Test
  void fileWithCarriageReturnsAndTabs() throws Exception {
    ObjectNode crlf = object("{'kind':'ConfigMap','metadata':{'name':'crlf'},'data':{}}");
    crlf.withObject("/data").put("crlf.txt", "line1\r\nline2\ttab\n");
    assertThat(ResourceGenerators.hashSuffix(crlf)).isEqualTo("kh48g48cdg");
  }

  @Test
  void binaryDataCountsWhenPresent() throws Exception {
    assertThat(
            ResourceGenerators.hashSuffix(
                object(
                    "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'bin'},"
                        + "'binaryData':{'img.png':'iVBORw0KGgoAAAANSUhEUg=='},"
                        + "'data':{'text':'plain'}}")))
        .isEqualTo("k8hbd2h726");
  }

  @Test
  void unicodeHtmlCharactersAndLineSeparatorsAreEscapedAsGoDoes() throws Exception {
    ObjectNode unicode = object("{'kind':'ConfigMap','metadata':{'name':'uni'},'data':{}}");
    unicode
        .withObject("/data")
        .put("_u", "under")
        .put("B", "upper")
        .put("a-b", "dash")
        .put("a.b", "dot")
        .put("greet", "héllo wörld ✓ 日本語 \uD83D\uDE00")
        .put("html", "<a href=\"x\">&amp;</a>")
        .put("sep", "x\u2028y\u2029z");
    assertThat(ResourceGenerators.hashSuffix(unicode)).isEqualTo("k845mkg6bm");
  }

  @Test
  void controlCharactersAreEscapedAsGo122Does() throws Exception {
    assertThat(configMap("{'k':'a\\bb'}")).isEqualTo("b9mhgfb2fg");
    assertThat(configMap("{'k':'a\\fb'}")).isEqualTo("b4fcm45mt7");
    assertThat(configMap("{'k':'a\\u0001b'}")).isEqualTo("945kt46gdm");
    assertThat(configMap("{'k':'a\\u001bb'}")).isEqualTo("6cgm8mc2gt");
    assertThat(configMap("{'k':'a\\tb'}")).isEqualTo("d9d6fc87hg");
    // DEL is not escaped by Go; kubectl hashes it and then fails to print the object.
    assertThat(configMap("{'f.txt':'a\\u007fb'}")).isEqualTo("kf427bfh6b");
  }

  @Test
  void immutableLabelsAndNamespaceDoNotEnterTheHash() throws Exception {
    assertThat(
            ResourceGenerators.hashSuffix(
                object(
                    "{'apiVersion':'v1','data':{'k':'v'},'immutable':true,'kind':'ConfigMap',"
                        + "'metadata':{'labels':{'app':'x'},'name':'imm','namespace':'n'}}")))
        .isEqualTo("bdg947hgcc");
  }

  @Test
  void theNameDoesNotEnterTheHash() throws Exception {
    // base configMapGenerator app (a=1) merged by an overlay with namePrefix p- (b=2):
    // kubectl printed p-app-7gdc49gk6d.
    String data = "'data':{'a':'1','b':'2'}";
    assertThat(
            ResourceGenerators.hashSuffix(
                object("{'kind':'ConfigMap','metadata':{'name':'p-app'}," + data + "}")))
        .isEqualTo("7gdc49gk6d")
        .isEqualTo(
            ResourceGenerators.hashSuffix(
                object("{'kind':'ConfigMap','metadata':{'name':'other'}," + data + "}")));
  }

  @Test
  void emptySecretKeepsItsEmptyDataMap() throws Exception {
    assertThat(
            ResourceGenerators.hashSuffix(
                object(
                    "{'apiVersion':'v1','data':{},'kind':'Secret','metadata':{'name':'emptys'},"
                        + "'type':'Opaque'}")))
        .isEqualTo("46f8b28mk5");
  }

  @Test
  void secretTypeEntersTheHash() throws Exception {
    String secret =
        "{'apiVersion':'v1','data':{'password':'czNjcjN0','username':'YWRtaW4='},"
            + "'kind':'Secret','metadata':{'name':'typed'},'type':'%s'}";
    assertThat(ResourceGenerators.hashSuffix(object(secret.formatted("kubernetes.io/basic-auth"))))
        .isEqualTo("44t89c8h7g");
    assertThat(ResourceGenerators.hashSuffix(object(secret.formatted("Opaque"))))
        .isNotEqualTo("44t89c8h7g");
  }

  @Test
  void secretWithBase64WrappedAt70Columns() throws Exception {
    ObjectNode secret =
        object("{'kind':'Secret','metadata':{'name':'long'},'type':'Opaque','data':{}}");
    secret
        .withObject("/data")
        .put(
            "l52.txt",
            "cXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcQ\n==\n")
        .put(
            "long.txt",
            "c3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3\n"
                + "Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nz\n");
    assertThat(ResourceGenerators.hashSuffix(secret)).isEqualTo("7dtb6df58d");
  }

  @Test
  void secretFromABinaryFile() throws Exception {
    assertThat(
            ResourceGenerators.hashSuffix(
                object(
                    "{'kind':'Secret','metadata':{'name':'binsec'},'type':'Opaque',"
                        + "'data':{'img.png':'iVBORw0KGgoAAAANSUhEUg=='}}")))
        .isEqualTo("ck5t8th856");
  }

  @Test
  void otherKindsAreRefused() throws Exception {
    assertThatThrownBy(
            () ->
                ResourceGenerators.hashSuffix(
                    object("{'kind':'Deployment','metadata':{'name':'web'}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Deployment");
  }

  @Test
  void theObjectIsNotModified() throws Exception {
    ObjectNode secret =
        object("{'kind':'Secret','metadata':{'name':'s'},'data':{'k':'dg=='},'type':'Opaque'}");
    ObjectNode copy = secret.deepCopy();
    ResourceGenerators.hashSuffix(secret);
    assertThat(secret).isEqualTo(copy);
  }
}
