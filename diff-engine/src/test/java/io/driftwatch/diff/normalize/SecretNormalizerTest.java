package io.driftwatch.diff.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.YamlText;
import io.driftwatch.model.secret.SecretRedactor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretNormalizerTest {

  private static final SecretNormalizer SECRETS =
      new SecretNormalizer(
          new SecretRedactor("0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8)));

  private static final String PASSWORD = "hunter2-correct-horse";
  private static final String MARKER = "sops:sha256:" + "ab".repeat(32);
  private static final String BASE64 =
      Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));

  @Test
  void stringDataAndBase64DataOfTheSameValueBecomeTheSameHmac() {
    ObjectNode git =
        YamlText.object("{apiVersion: v1, kind: Secret, stringData: {password: " + PASSWORD + "}}");
    ObjectNode cluster =
        YamlText.object("{apiVersion: v1, kind: Secret, data: {password: " + BASE64 + "}}");

    SECRETS.normalize(git);
    SECRETS.normalize(cluster);

    assertThat(git).isEqualTo(cluster);
    assertThat(git.at("/data/password").asText()).startsWith(SecretRedactor.PREFIX);
    assertThat(git.toString()).doesNotContain(PASSWORD).doesNotContain(BASE64);
  }

  @Test
  void sopsMarkersAreKeptUnderDataWhileOtherValuesBecomeHmacs() {
    ObjectNode secret =
        YamlText.object(
            String.format(
                "{apiVersion: v1, kind: Secret, data: {token: %s, plain: %s},"
                    + " stringData: {other: %s}}",
                MARKER, BASE64, MARKER));

    SECRETS.normalize(secret);

    assertThat(secret.at("/data/token").asText()).isEqualTo(MARKER);
    assertThat(secret.at("/data/other").asText()).isEqualTo(MARKER);
    assertThat(secret.at("/data/plain").asText()).startsWith(SecretRedactor.PREFIX);
    assertThat(secret.has("stringData")).isFalse();
  }

  @Test
  void aPlainStringDataValueReplacesADataMarkerOfTheSameKeyAsTheApiServerMergesThem() {
    ObjectNode secret =
        YamlText.object(
            "{apiVersion: v1, kind: Secret, data: {token: "
                + MARKER
                + "}, stringData: {token: "
                + PASSWORD
                + "}}");

    SECRETS.normalize(secret);

    assertThat(secret.at("/data/token").asText()).startsWith(SecretRedactor.PREFIX);
  }

  @Test
  void normalizingTwiceChangesNothing() {
    ObjectNode secret =
        YamlText.object("{apiVersion: v1, kind: Secret, data: {k: " + BASE64 + "}}");
    SECRETS.normalize(secret);
    ObjectNode once = secret.deepCopy();

    SECRETS.normalize(secret);

    assertThat(secret).isEqualTo(once);
  }

  @Test
  void otherKindsAreLeftAlone() {
    ObjectNode configMap = YamlText.object("{apiVersion: v1, kind: ConfigMap, data: {k: v}}");

    SECRETS.normalize(configMap);

    assertThat(configMap)
        .isEqualTo(YamlText.object("{apiVersion: v1, kind: ConfigMap, data: {k: v}}"));
  }

  @Test
  void aRedactorIsRequired() {
    assertThatThrownBy(() -> new SecretNormalizer(null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
