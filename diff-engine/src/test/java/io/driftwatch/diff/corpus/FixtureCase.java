package io.driftwatch.diff.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftwatch.diff.DiffEngine;
import io.driftwatch.diff.DiffOptions;
import io.driftwatch.diff.ignore.IgnoreRules;
import io.driftwatch.model.secret.SecretRedactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * One fixture directory: {@code desired.yaml} and {@code live.yaml} (first document, or null when
 * the file holds none), {@code expected.json} and an optional {@code rules.yaml}.
 */
record FixtureCase(
    String name, Path dir, ObjectNode desired, ObjectNode live, JsonNode expected, JsonNode rules) {

  static final YAMLMapper YAML = new YAMLMapper();
  static final ObjectMapper JSON = new ObjectMapper();

  /** A fixed HMAC key, so that runs are reproducible; its value is never asserted on. */
  static final byte[] HMAC_KEY =
      "driftwatch-fixture-corpus-key-32".getBytes(StandardCharsets.US_ASCII);

  /** Where the case directories are (test-classes/fixtures once resources are copied). */
  static Path root() {
    URL url = FixtureCase.class.getResource("/fixtures");
    if (url == null) {
      throw new IllegalStateException("No /fixtures directory on the test classpath");
    }
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Bad fixtures URL " + url, e);
    }
  }

  /** The names of all case directories, sorted. */
  static List<String> names() {
    try (Stream<Path> dirs = Files.list(root())) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<FixtureCase> all() {
    return names().stream().map(FixtureCase::load).toList();
  }

  static FixtureCase load(String name) {
    Path dir = root().resolve(name);
    try {
      Path rulesFile = dir.resolve("rules.yaml");
      return new FixtureCase(
          name,
          dir,
          firstDocument(dir.resolve("desired.yaml")),
          firstDocument(dir.resolve("live.yaml")),
          JSON.readTree(dir.resolve("expected.json").toFile()),
          Files.exists(rulesFile) ? YAML.readTree(rulesFile.toFile()) : null);
    } catch (IOException e) {
      throw new UncheckedIOException("Fixture " + name + ": " + e.getMessage(), e);
    }
  }

  /** The first YAML document of {@code file} as an object, or null when it holds no document. */
  static ObjectNode firstDocument(Path file) throws IOException {
    try (MappingIterator<JsonNode> docs =
        YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc == null || doc.isMissingNode() || doc.isNull()) {
          continue;
        }
        if (!doc.isObject()) {
          throw new IOException(file + ": the first document is not a mapping");
        }
        return (ObjectNode) doc;
      }
      return null;
    }
  }

  /** The ignore rules of this case, or none. */
  IgnoreRules ignoreRules() {
    return rules == null
        ? IgnoreRules.none()
        : IgnoreRules.parse(rules, dir.resolve("rules.yaml").toString());
  }

  /** The engine as the pipeline builds it: defaults, the fixed key, this case's rules. */
  DiffEngine engine() {
    return engine(ignoreRules());
  }

  static DiffEngine engine(IgnoreRules rules) {
    return new DiffEngine(
        DiffOptions.defaults(new SecretRedactor(HMAC_KEY)).withIgnoreRules(rules));
  }

  String expectedType() {
    return expected.path("type").asText();
  }

  @Override
  public String toString() {
    return name;
  }
}
