package io.driftwatch.model.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.serde.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

  private final SecretRedactor redactor =
      new SecretRedactor("a-deployment-key-of-32-bytes-----".getBytes(StandardCharsets.UTF_8));

  private static ObjectNode secret() {
    ObjectNode secret = Json.mapper().createObjectNode();
    secret.put("apiVersion", "v1").put("kind", "Secret");
    secret.putObject("metadata").put("name", "db");
    return secret;
  }

  private static String b64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void valuesAreReplacedAndNeitherThePlainValueNorItsBase64Remains() {
    ObjectNode secret = secret();
    secret.putObject("data").put("password", b64("hunter2-hunter2"));
    ((ObjectNode) secret.get("metadata"))
        .putObject("annotations")
        .put(
            "kubectl.kubernetes.io/last-applied-configuration",
            "{\"data\":{\"password\":\"" + b64("hunter2-hunter2") + "\"}}")
        .put("team", "payments");

    String out = redactor.redact(secret).toString();

    assertThat(out).doesNotContain("hunter2").doesNotContain(b64("hunter2-hunter2"));
    assertThat(secret.path("data").path("password").asText()).startsWith(SecretRedactor.PREFIX);
    assertThat(secret.path("metadata").path("annotations").path("team").asText())
        .isEqualTo("payments");
  }

  @Test
  void stringDataAndDataOfTheSameValueCompareEqual() {
    ObjectNode fromGit = secret();
    fromGit.putObject("stringData").put("password", "hunter2-hunter2");
    ObjectNode fromCluster = secret();
    fromCluster.putObject("data").put("password", b64("hunter2-hunter2"));

    redactor.redact(fromGit);
    redactor.redact(fromCluster);

    assertThat(fromGit).isEqualTo(fromCluster);
    assertThat(fromGit.has("stringData")).isFalse();
  }

  @Test
  void differentValuesAndDifferentKeysGiveDifferentDigests() {
    ObjectNode a = secret();
    a.putObject("data").put("password", b64("one"));
    ObjectNode b = secret();
    b.putObject("data").put("password", b64("two"));
    ObjectNode c = secret();
    c.putObject("data").put("password", b64("one"));

    redactor.redact(a);
    redactor.redact(b);
    new SecretRedactor("another-deployment-key-32-bytes--".getBytes(StandardCharsets.UTF_8))
        .redact(c);

    assertThat(a.path("data").path("password")).isNotEqualTo(b.path("data").path("password"));
    assertThat(a.path("data").path("password")).isNotEqualTo(c.path("data").path("password"));
  }

  @Test
  void redactingTwiceChangesNothing() {
    ObjectNode once = secret();
    once.putObject("data").put("password", b64("hunter2-hunter2"));
    redactor.redact(once);
    ObjectNode twice = once.deepCopy();

    redactor.redact(twice);

    assertThat(twice).isEqualTo(once);
  }

  @Test
  void otherKindsAreLeftAlone() {
    ObjectNode configMap = Json.mapper().createObjectNode();
    configMap.put("apiVersion", "v1").put("kind", "ConfigMap");
    configMap.putObject("data").put("password", "visible-by-design");

    assertThat(redactor.redact(configMap).path("data").path("password").asText())
        .isEqualTo("visible-by-design");
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> new SecretRedactor(new byte[8]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16 bytes");
  }
}
