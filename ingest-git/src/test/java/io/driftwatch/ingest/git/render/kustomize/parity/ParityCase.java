package io.driftwatch.ingest.git.render.kustomize.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.ingest.git.render.BoundedYamlReader;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.ingest.git.render.YamlReadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One case of the parity corpus: a directory laid out like a repository, the directory in it to
 * build, whether Flux's rules apply, and either the objects {@code kubectl kustomize} printed
 * ({@code expected.yaml}) or a part of the error the build must fail with ({@code
 * expected-error.txt}).
 *
 * @param name the case directory's name
 * @param root the case directory, the root of the tree the renderer sees
 * @param build the directory to build, relative to {@code root}
 * @param flux whether the directory is rendered as a Flux Kustomization path (an implicit
 *     kustomization when it has none)
 * @param targetNamespace Flux's {@code spec.targetNamespace}, only with {@code flux}
 * @param description what the case covers, for people reading a failure
 */
record ParityCase(
    String name,
    Path root,
    String build,
    boolean flux,
    Optional<String> targetNamespace,
    String description) {

  static final String CASE_FILE = "case.yaml";
  static final String EXPECTED_FILE = "expected.yaml";
  static final String EXPECTED_ERROR_FILE = "expected-error.txt";
  static final Set<String> CASE_KEYS = Set.of("description", "build", "flux", "targetNamespace");

  private static final BoundedYamlReader YAML = new BoundedYamlReader(YamlLimits.DEFAULTS);

  /** Reads {@code case.yaml} of {@code directory}; a malformed one is an AssertionError. */
  static ParityCase load(Path directory) {
    String name = directory.getFileName().toString();
    JsonNode spec = readSingleDocument(directory.resolve(CASE_FILE));
    if (!(spec instanceof ObjectNode object)) {
      throw new AssertionError(name + "/" + CASE_FILE + " is not a mapping");
    }
    for (Iterator<String> keys = object.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!CASE_KEYS.contains(key)) {
        throw new AssertionError(
            name + "/" + CASE_FILE + ": unknown key '" + key + "' (known: " + CASE_KEYS + ")");
      }
    }
    if (!object.path("build").isTextual() || object.path("build").asText().isBlank()) {
      throw new AssertionError(name + "/" + CASE_FILE + ": build (a directory) is required");
    }
    if (!object.path("description").isTextual()) {
      throw new AssertionError(name + "/" + CASE_FILE + ": description is required");
    }
    if (object.has("flux") && !object.get("flux").isBoolean()) {
      throw new AssertionError(name + "/" + CASE_FILE + ": flux must be true or false");
    }
    Optional<String> targetNamespace =
        object.hasNonNull("targetNamespace")
            ? Optional.of(object.get("targetNamespace").asText())
            : Optional.empty();
    return new ParityCase(
        name,
        directory,
        object.get("build").asText(),
        object.path("flux").asBoolean(false),
        targetNamespace,
        object.get("description").asText());
  }

  Path buildDirectory() {
    return root.resolve(build);
  }

  Path expectedFile() {
    return root.resolve(EXPECTED_FILE);
  }

  boolean expectsError() {
    return Files.exists(root.resolve(EXPECTED_ERROR_FILE));
  }

  /** The text the render error must contain. */
  String expectedError() {
    try {
      return Files.readString(root.resolve(EXPECTED_ERROR_FILE), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The objects of {@code expected.yaml}, in kubectl's order. */
  List<ObjectNode> expectedObjects() {
    return objectsOf(expectedFile());
  }

  /** The objects of a YAML stream file, as the renderer's own reader parses them. */
  static List<ObjectNode> objectsOf(Path file) {
    try {
      return objectsOf(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The objects of a YAML stream ({@code origin} names it in errors). */
  static List<ObjectNode> objectsOf(byte[] yaml, String origin) {
    List<JsonNode> documents;
    try {
      documents = YAML.read(yaml);
    } catch (YamlReadException e) {
      throw new AssertionError(origin + " is not valid YAML: " + e.getMessage(), e);
    }
    List<ObjectNode> objects = new ArrayList<>();
    for (JsonNode document : documents) {
      if (document == null) {
        continue;
      }
      if (!(document instanceof ObjectNode object)) {
        throw new AssertionError(origin + " holds a document that is not a mapping");
      }
      objects.add(object);
    }
    return objects;
  }

  private static JsonNode readSingleDocument(Path file) {
    try {
      List<JsonNode> documents = YAML.read(Files.readAllBytes(file));
      if (documents.size() != 1) {
        throw new AssertionError(file + " must hold exactly one YAML document");
      }
      return documents.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (YamlReadException e) {
      throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
