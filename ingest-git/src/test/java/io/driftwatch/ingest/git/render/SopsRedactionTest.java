package io.driftwatch.ingest.git.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.GitFixture;
import io.driftwatch.ingest.git.publish.ContentHash;
import io.driftwatch.ingest.git.render.kustomize.KustomizeRenderer;
import io.driftwatch.model.ResourceKey;
import io.driftwatch.model.secret.SecretRedactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SOPS-encrypted manifests (files shaped as sops 3.9 writes them, with age recipients, a MAC and
 * encrypted_regex) rendered from a real repository as ingest-git renders every source.
 */
class SopsRedactionTest {

  private static final SecretRedactor REDACTOR =
      new SecretRedactor("unit-test-hmac-key-0123456789".getBytes(StandardCharsets.UTF_8));
  private static final Pattern ENCRYPTED = Pattern.compile("ENC\\[AES256_GCM,[^\\]]*\\]");

  private static final ResourceKey SECRET =
      new ResourceKey("prod", "", "Secret", "shop", "checkout-db");
  private static final ResourceKey SETTINGS =
      new ResourceKey("prod", "", "ConfigMap", "shop", "checkout-settings");
  private static final ResourceKey DEPLOYMENT =
      new ResourceKey("prod", "apps", "Deployment", "shop", "checkout");

  @TempDir Path dir;
  private GitFixture repo;

  @BeforeEach
  void repositoryWithEncryptedFiles() {
    repo = GitFixture.create(dir);
    repo.write("deploy/secret.sops.yaml", resource("secret.sops.yaml"))
        .write("deploy/settings.sops.yaml", resource("settings.sops.yaml"))
        .write("deploy/checkout.sops.yaml", resource("checkout.sops.yaml"));
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private DesiredSet render() throws IOException {
    String sha = repo.commit("render");
    RenderResult rendered = new KustomizeRenderer().render(repo.tree(sha), "deploy");
    return new DesiredSetAssembler(REDACTOR).assemble(rendered, "prod", "shop");
  }

  @Test
  void noCiphertextNorSopsMetadataIsPublished() throws IOException {
    DesiredSet desired = render();

    assertThat(desired.errors()).isEmpty();
    assertThat(desired.objects()).containsOnlyKeys(SECRET, SETTINGS, DEPLOYMENT);
    for (RenderedManifest object : desired.objects().values()) {
      String text = object.manifest().toString();
      assertThat(object.manifest().has("sops")).as(object.path()).isFalse();
      assertThat(text)
          .as(object.path())
          .doesNotContain("ENC[")
          .doesNotContain("AES256_GCM")
          .doesNotContain("age1ql3z7")
          .doesNotContain("AGE ENCRYPTED");
    }
  }

  @Test
  void eachEncryptedValueBecomesTheSha256OfItsCiphertextAndPlainValuesStay() throws IOException {
    String secretFile = resource("secret.sops.yaml");
    String checkoutFile = resource("checkout.sops.yaml");

    DesiredSet desired = render();

    ObjectNode secret = desired.objects().get(SECRET).manifest();
    // stringData is folded into data, as for every Secret; the markers are not HMAC'd again.
    assertThat(secret.has("stringData")).isFalse();
    assertThat(secret.at("/data/username").asText()).isEqualTo(marker(secretFile, "username"));
    assertThat(secret.at("/data/password").asText()).isEqualTo(marker(secretFile, "password"));
    assertThat(secret.at("/data/ca.crt").asText()).isEqualTo(marker(secretFile, "ca.crt"));
    assertThat(secret.at("/type").asText()).isEqualTo("Opaque");
    assertThat(secret.at("/metadata/labels/app.kubernetes.io~1name").asText())
        .isEqualTo("checkout");

    ObjectNode settings = desired.objects().get(SETTINGS).manifest();
    assertThat(settings.at("/data/log-level").asText()).isEqualTo("debug");
    assertThat(settings.at("/data/api-key").asText()).startsWith("sops:sha256:").hasSize(12 + 64);

    ObjectNode deployment = desired.objects().get(DEPLOYMENT).manifest();
    assertThat(deployment.at("/spec/replicas").asText())
        .isEqualTo(marker(checkoutFile, "replicas"));
    assertThat(deployment.at("/spec/template/spec/containers/0/args/0").asText())
        .startsWith("sops:sha256:");
    assertThat(deployment.at("/spec/template/spec/containers/0/args/1").asText())
        .startsWith("sops:sha256:")
        .isNotEqualTo(deployment.at("/spec/template/spec/containers/0/args/0").asText());
    assertThat(deployment.at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("ghcr.io/acme/checkout:1.4.2");
  }

  @Test
  void markersAreStableAcrossRendersAndChangeOnlyWhereTheCiphertextChanged() throws IOException {
    DesiredSet first = render();
    DesiredSet again = render();
    String secretFile = resource("secret.sops.yaml");
    String password = encryptedValue(secretFile, "password");
    String reencrypted = password.replaceFirst("iv:[A-Za-z0-9+/=]+", "iv:" + "A".repeat(43) + "=");
    repo.write("deploy/secret.sops.yaml", secretFile.replace(password, reencrypted));
    DesiredSet changed = render();

    assertThat(contentHash(again, SECRET)).isEqualTo(contentHash(first, SECRET));
    assertThat(again.objects().get(SECRET).manifest())
        .isEqualTo(first.objects().get(SECRET).manifest());
    ObjectNode before = first.objects().get(SECRET).manifest();
    ObjectNode after = changed.objects().get(SECRET).manifest();
    assertThat(after.at("/data/password")).isNotEqualTo(before.at("/data/password"));
    assertThat(after.at("/data/username")).isEqualTo(before.at("/data/username"));
    assertThat(contentHash(changed, SECRET)).isNotEqualTo(contentHash(first, SECRET));
    assertThat(contentHash(changed, SETTINGS)).isEqualTo(contentHash(first, SETTINGS));
  }

  @Test
  void aFileEncryptedWholeIsAnErrorForThatFileAndTheRestIsPublished() throws IOException {
    repo.write("deploy/whole-file.sops.yaml", resource("whole-file.sops.yaml"));

    DesiredSet desired = render();

    assertThat(desired.objects()).containsOnlyKeys(SECRET, SETTINGS, DEPLOYMENT);
    assertThat(desired.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.path()).isEqualTo("deploy/whole-file.sops.yaml");
              assertThat(error.reason())
                  .contains("/apiVersion is encrypted with SOPS")
                  .contains("--encrypted-regex")
                  .doesNotContain("ENC[");
            });
  }

  @Test
  void aPlainSecretBesideEncryptedOnesIsStillHmacd() throws IOException {
    repo.write(
        "deploy/plain.yaml",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: plain\nstringData:\n  token: hunter2\n");

    DesiredSet desired = render();

    ObjectNode plain =
        desired.objects().get(new ResourceKey("prod", "", "Secret", "shop", "plain")).manifest();
    assertThat(plain.at("/data/token").asText()).startsWith(SecretRedactor.PREFIX);
    assertThat(plain.toString()).doesNotContain("hunter2");
  }

  @Test
  void stringDataInPlainTextWinsOverAnEncryptedDataValueOfTheSameKey() {
    ObjectNode secret =
        JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "Secret");
    secret
        .putObject("data")
        .put("token", SopsRedactor.MARKER_PREFIX + "00")
        .put("other", SopsRedactor.MARKER_PREFIX + "11");
    secret.putObject("stringData").put("token", "plain");

    ObjectNode redacted = SopsRedactor.redactSecretKeepingMarkers(secret, REDACTOR::redact);

    assertThat(redacted.at("/data/token").asText()).startsWith(SecretRedactor.PREFIX);
    assertThat(redacted.at("/data/other").asText()).isEqualTo(SopsRedactor.MARKER_PREFIX + "11");
    assertThat(redacted.has("stringData")).isFalse();
  }

  private static String contentHash(DesiredSet set, ResourceKey key) {
    RenderedManifest object = set.objects().get(key);
    return ContentHash.of(object.path(), object.manifest());
  }

  /** The documented marker: sops:sha256: + hex SHA-256 of the ENC[...] value as written. */
  private static String marker(String file, String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(encryptedValue(file, key).getBytes(StandardCharsets.UTF_8));
      return "sops:sha256:" + HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encryptedValue(String file, String key) {
    Matcher m =
        Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + ": (" + ENCRYPTED.pattern() + ")$")
            .matcher(file);
    if (!m.find()) {
      throw new IllegalStateException("no encrypted " + key + " in the fixture");
    }
    return m.group(1);
  }

  private static String resource(String name) {
    try (InputStream in = SopsRedactionTest.class.getResourceAsStream("/sops/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
