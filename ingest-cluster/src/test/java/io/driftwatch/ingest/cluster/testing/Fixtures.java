package io.driftwatch.ingest.cluster.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.driftwatch.model.secret.SecretRedactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helpers: YAML fixtures from the classpath and the redactor every test shares. */
public final class Fixtures {

  public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The HMAC key of the tests; the expected fixtures were computed with it. */
  public static final byte[] HMAC_KEY =
      "driftwatch-test-hmac-key-0123456789".getBytes(StandardCharsets.UTF_8);

  private Fixtures() {}

  public static SecretRedactor redactor() {
    return new SecretRedactor(HMAC_KEY);
  }

  public static ObjectNode yaml(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource " + resource);
      }
      JsonNode node = YAML.readTree(in);
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode yamlText(String text) {
    try {
      return (ObjectNode) YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
