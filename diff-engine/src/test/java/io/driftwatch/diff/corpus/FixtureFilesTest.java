package io.driftwatch.diff.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.secret.SecretRedactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the corpus itself to its contract, independently of the engine: every file parses, every
 * expected result is well formed and agrees with the documents it describes (each expected value is
 * really at its path, each owner is really an entry of the live managedFields).
 */
class FixtureFilesTest {

  private static final Set<String> ALLOWED_FILES =
      Set.of("desired.yaml", "live.yaml", "expected.json", "rules.yaml");
  private static final Set<String> FIELD_KEYS = Set.of("path", "desired", "live", "owner");
  private static final Pattern POINTER = Pattern.compile("(/([^~/]|~[01])*)+");

  static List<String> cases() {
    return FixtureCase.names();
  }

  @Test
  void corpusHoldsAtLeastSixtyCasesCoveringEveryVerdict() {
    List<FixtureCase> all = FixtureCase.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(60);
    assertThat(all.stream().map(FixtureCase::expectedType))
        .contains("NONE", "MODIFIED", "MISSING_LIVE", "EXTRA_LIVE");
    assertThat(all.stream().filter(c -> c.rules() != null)).hasSizeGreaterThanOrEqualTo(10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseDirectoryHoldsOnlyTheKnownFiles(String name) throws IOException {
    Path dir = FixtureCase.root().resolve(name);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("files of %s", name)
          .allMatch(ALLOWED_FILES::contains)
          .contains("desired.yaml", "live.yaml", "expected.json");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void documentsParseAndNameOneResource(String name) {
    FixtureCase c = FixtureCase.load(name);
    assertThat(c.desired() != null || c.live() != null)
        .as("%s: desired or live must hold a document", name)
        .isTrue();
    for (ObjectNode doc : new ObjectNode[] {c.desired(), c.live()}) {
      if (doc != null) {
        assertThat(doc.path("apiVersion").isTextual()).as("%s apiVersion", name).isTrue();
        assertThat(doc.path("kind").isTextual()).as("%s kind", name).isTrue();
        assertThat(doc.path("metadata").path("name").isTextual()).as("%s name", name).isTrue();
      }
    }
    if (c.desired() != null && c.live() != null) {
      assertThat(group(c.live())).as("%s: same API group", name).isEqualTo(group(c.desired()));
      assertThat(c.live().get("kind")).as("%s: same kind", name).isEqualTo(c.desired().get("kind"));
      assertThat(c.live().at("/metadata/name"))
          .as("%s: same name", name)
          .isEqualTo(c.desired().at("/metadata/name"));
      assertThat(c.live().at("/metadata/namespace").asText())
          .as("%s: same namespace", name)
          .isEqualTo(c.desired().at("/metadata/namespace").asText());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void liveLooksLikeWhatAnApiServerReturns(String name) {
    ObjectNode live = FixtureCase.load(name).live();
    if (live == null) {
      return;
    }
    JsonNode md = live.path("metadata");
    assertThat(md.path("uid").isTextual()).as("%s uid", name).isTrue();
    assertThat(md.path("resourceVersion").isTextual()).as("%s resourceVersion", name).isTrue();
    assertThat(instant(md.path("creationTimestamp"))).as("%s creationTimestamp", name).isNotNull();
    JsonNode managed = md.path("managedFields");
    assertThat(managed.isArray() && !managed.isEmpty()).as("%s managedFields", name).isTrue();
    for (JsonNode entry : managed) {
      assertThat(entry.path("manager").asText()).as("%s manager", name).isNotBlank();
      assertThat(entry.path("operation").asText()).as("%s operation", name).isIn("Apply", "Update");
      assertThat(entry.path("fieldsType").asText()).as("%s fieldsType", name).isEqualTo("FieldsV1");
      assertThat(entry.path("fieldsV1").isObject()).as("%s fieldsV1", name).isTrue();
      assertThat(instant(entry.path("time"))).as("%s managedFields time", name).isNotNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void expectedResultIsWellFormedAndConsistentWithTheDocuments(String name) {
    FixtureCase c = FixtureCase.load(name);
    JsonNode expected = c.expected();
    DriftType type = DriftType.valueOf(expected.path("type").asText());
    JsonNode fields = expected.path("fields");
    assertThat(fields.isArray()).as("%s: fields is a list", name).isTrue();
    switch (type) {
      case NONE -> assertThat(fields).as("%s: NONE has no fields", name).isEmpty();
      case MODIFIED -> assertThat(fields).as("%s: MODIFIED lists fields", name).isNotEmpty();
      case MISSING_LIVE -> {
        assertThat(c.live()).as("%s: MISSING_LIVE needs an empty live.yaml", name).isNull();
        assertThat(fields).isEmpty();
      }
      case EXTRA_LIVE -> {
        assertThat(c.desired()).as("%s: EXTRA_LIVE needs an empty desired.yaml", name).isNull();
        assertThat(fields).isEmpty();
      }
    }
    if (type == DriftType.NONE || type == DriftType.MODIFIED) {
      assertThat(c.desired()).as("%s: desired", name).isNotNull();
      assertThat(c.live()).as("%s: live", name).isNotNull();
    }
    List<String> paths = new ArrayList<>();
    for (JsonNode field : fields) {
      checkField(c, field);
      paths.add(field.path("path").asText());
    }
    assertThat(paths).as("%s: each path once", name).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rulesFileIsOneOfTheAcceptedShapes(String name) {
    JsonNode rules = FixtureCase.load(name).rules();
    if (rules == null) {
      return;
    }
    if (rules.isArray()) {
      assertThat(rules).as("%s: rules entries", name).isNotEmpty().allMatch(JsonNode::isObject);
      return;
    }
    assertThat(rules.isObject()).as("%s: rules are a list or a mapping", name).isTrue();
    List<String> keys = new ArrayList<>();
    rules.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).as("%s: rules mapping keys", name).isNotEmpty();
    assertThat(keys).allMatch(k -> k.equals("ignoreDifferences") || k.equals("ignore"));
  }

  private static void checkField(FixtureCase c, JsonNode field) {
    String name = c.name();
    List<String> keys = new ArrayList<>();
    field.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).as("%s: field keys", name).allMatch(FIELD_KEYS::contains);
    assertThat(keys).as("%s: field keys", name).contains("path", "desired", "live");
    String path = field.path("path").asText();
    assertThat(POINTER.matcher(path).matches()).as("%s: RFC 6901 pointer %s", name, path).isTrue();
    JsonNode desired = field.get("desired");
    JsonNode live = field.get("live");
    assertThat(JsonValues.absent(desired) && JsonValues.absent(live))
        .as("%s %s: a difference has a value on at least one side", name, path)
        .isFalse();
    boolean secret = SecretRedactor.isSecret(c.desired()) || SecretRedactor.isSecret(c.live());
    if (!secret) {
      assertThat(isPlaceholder(desired) || isPlaceholder(live))
          .as("%s: <hmac> only in Secret cases", name)
          .isFalse();
    }
    JsonPointer pointer = JsonPointer.compile(path);
    if (!JsonValues.absent(desired)) {
      if (!isPlaceholder(desired)) {
        assertThat(JsonValues.matches(desired, c.desired().at(pointer)))
            .as("%s: expected desired value is at %s in desired.yaml", name, path)
            .isTrue();
      }
    } else if (c.desired().at(pointer).isMissingNode()) {
      // A field only live has: the pointer goes into live.
      assertThat(JsonValues.matches(live, c.live().at(pointer)))
          .as("%s: expected live value is at %s in live.yaml", name, path)
          .isTrue();
    } else {
      assertThat(c.desired().at(pointer).isNull())
          .as("%s: desired null at %s means an explicit null in Git", name, path)
          .isTrue();
    }
    JsonNode owner = field.get("owner");
    if (owner != null) {
      checkOwner(c, path, owner);
    }
  }

  private static void checkOwner(FixtureCase c, String path, JsonNode owner) {
    Instant time = instant(owner.path("time"));
    assertThat(time).as("%s %s: owner time", c.name(), path).isNotNull();
    for (JsonNode entry : c.live().path("metadata").path("managedFields")) {
      if (entry.path("manager").asText().equals(owner.path("manager").asText())
          && entry.path("operation").asText().equals(owner.path("operation").asText())
          && time.equals(instant(entry.path("time")))) {
        return;
      }
    }
    fail("%s %s: owner %s is not an entry of live's managedFields", c.name(), path, owner);
  }

  private static boolean isPlaceholder(JsonNode node) {
    return node != null && JsonValues.HMAC_PLACEHOLDER.equals(node.asText(null));
  }

  private static String group(JsonNode manifest) {
    String apiVersion = manifest.path("apiVersion").asText();
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static Instant instant(JsonNode text) {
    try {
      return text.isTextual() ? Instant.parse(text.asText()) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
