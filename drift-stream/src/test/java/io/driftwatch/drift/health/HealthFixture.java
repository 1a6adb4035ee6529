package io.driftwatch.drift.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * One paired health fixture under {@code src/test/resources/health}: {@code <case>-live.yaml}, a
 * live object as {@code kubectl get -o yaml} prints it (status included), and {@code
 * <case>-expected.json}, {@code {"status": "<Argo CD status>", "message": "..."}} or {@code
 * {"status": null}} when the kind has no rule.
 */
record HealthFixture(String name, ObjectNode object, JsonNode expected) {

  static final String LIVE_SUFFIX = "-live.yaml";
  static final String EXPECTED_SUFFIX = "-expected.json";

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path root() {
    URL url = HealthFixture.class.getResource("/health");
    if (url == null) {
      throw new IllegalStateException("No /health fixture directory on the test classpath");
    }
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Bad fixture URL " + url, e);
    }
  }

  /** Every file name in the fixture directory, sorted. */
  static List<String> files() {
    try (Stream<Path> files = Files.list(root())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The case names: every {@code <case>-live.yaml}. */
  static List<String> names() {
    return files().stream()
        .filter(f -> f.endsWith(LIVE_SUFFIX))
        .map(f -> f.substring(0, f.length() - LIVE_SUFFIX.length()))
        .toList();
  }

  static HealthFixture load(String name) {
    try {
      JsonNode object = YAML.readTree(root().resolve(name + LIVE_SUFFIX).toFile());
      if (!(object instanceof ObjectNode objectNode)) {
        throw new IllegalStateException(name + LIVE_SUFFIX + " does not hold one object");
      }
      JsonNode expected = JSON.readTree(root().resolve(name + EXPECTED_SUFFIX).toFile());
      return new HealthFixture(name, objectNode, expected);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read health fixture " + name, e);
    }
  }

  /** The object without its status, as ingest-cluster carries the manifest. */
  ObjectNode manifest() {
    ObjectNode manifest = object.deepCopy();
    manifest.remove("status");
    return manifest;
  }

  /** The object's status, or null when it has none. */
  ObjectNode status() {
    JsonNode status = object.get("status");
    return status instanceof ObjectNode statusObject ? statusObject.deepCopy() : null;
  }

  String kind() {
    return object.path("kind").asText();
  }

  String group() {
    String apiVersion = object.path("apiVersion").asText();
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
