package io.driftwatch.diff.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.diff.DiffResult;
import io.driftwatch.diff.normalize.SopsMarkers;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.FieldOwner;
import io.driftwatch.model.secret.SecretRedactor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the engine over every fixture and compares its verdict with expected.json: the type, and the
 * fields in any order, exact on path, values (numbers by value) and owner.
 */
class FixtureCorpusTest {

  /** Shorter values (a namespace like "ci") could appear in a result by coincidence. */
  private static final int MIN_SECRET_LENGTH = 6;

  static List<String> cases() {
    return FixtureCase.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void engineGivesTheExpectedVerdict(String name) {
    FixtureCase c = FixtureCase.load(name);
    ObjectNode desired = c.desired() == null ? null : c.desired().deepCopy();
    ObjectNode live = c.live() == null ? null : c.live().deepCopy();

    DiffResult result = c.engine().diff(desired, live);

    ObjectNode actual = toJson(result);
    String report =
        "case "
            + name
            + "\nexpected: "
            + c.expected().toPrettyString()
            + "\nactual:   "
            + actual.toPrettyString();
    assertThat(desired).as("the engine must not modify desired (%s)", name).isEqualTo(c.desired());
    assertThat(live).as("the engine must not modify live (%s)", name).isEqualTo(c.live());
    assertThat(result.type().name()).as(report).isEqualTo(c.expectedType());
    assertSameFields(c.expected().path("fields"), actual.path("fields"), report);
    assertNoSecretLeaks(c, actual, report);
  }

  private static void assertSameFields(JsonNode expected, JsonNode actual, String report) {
    List<JsonNode> unmatched = new ArrayList<>();
    actual.forEach(unmatched::add);
    List<JsonNode> missing = new ArrayList<>();
    for (JsonNode want : expected) {
      JsonNode found = null;
      for (JsonNode got : unmatched) {
        if (sameField(want, got)) {
          found = got;
          break;
        }
      }
      if (found == null) {
        missing.add(want);
      } else {
        unmatched.remove(found);
      }
    }
    if (!missing.isEmpty() || !unmatched.isEmpty()) {
      fail(
          "%s%nexpected but not reported: %s%nreported but not expected: %s",
          report, missing, unmatched);
    }
  }

  private static boolean sameField(JsonNode want, JsonNode got) {
    return want.path("path").asText().equals(got.path("path").asText())
        && JsonValues.matches(want.get("desired"), got.get("desired"))
        && JsonValues.matches(want.get("live"), got.get("live"))
        && sameOwner(want.get("owner"), got.get("owner"));
  }

  private static boolean sameOwner(JsonNode want, JsonNode got) {
    if (JsonValues.absent(want) || JsonValues.absent(got)) {
      return JsonValues.absent(want) && JsonValues.absent(got);
    }
    return want.path("manager").asText().equals(got.path("manager").asText())
        && want.path("operation").asText().equals(got.path("operation").asText())
        && Instant.parse(want.path("time").asText()).toString().equals(got.path("time").asText());
  }

  /** No Secret value, nor its base64, may appear anywhere in the result. */
  private static void assertNoSecretLeaks(FixtureCase c, ObjectNode actual, String report) {
    Set<String> secrets = new LinkedHashSet<>();
    for (ObjectNode doc : new ObjectNode[] {c.desired(), c.live()}) {
      if (SecretRedactor.isSecret(doc)) {
        doc.path("stringData")
            .forEach(
                v -> {
                  secrets.add(v.asText());
                  secrets.add(base64(v.asText()));
                });
        doc.path("data")
            .forEach(
                v -> {
                  // A SOPS marker is a hash of public ciphertext, published on purpose (§8).
                  if (!SopsMarkers.isMarker(v)) {
                    secrets.add(v.asText());
                    secrets.add(decoded(v.asText()));
                  }
                });
      }
    }
    // Values only: keys and names (in paths) are not secret and may share words with values.
    StringBuilder values = new StringBuilder();
    actual.path("fields").forEach(f -> values.append(f.get("desired")).append(f.get("live")));
    String text = values.toString();
    for (String secret : secrets) {
      if (secret.length() >= MIN_SECRET_LENGTH) {
        assertThat(text).as("%s%nleaks a Secret value", report).doesNotContain(secret);
      }
    }
    for (JsonNode field : actual.path("fields")) {
      for (String side : new String[] {"desired", "live"}) {
        JsonNode v = field.get(side);
        if (!SecretRedactor.isSecret(c.desired()) && !SecretRedactor.isSecret(c.live())) {
          continue;
        }
        if (!JsonValues.absent(v) && field.path("path").asText().startsWith("/data/")) {
          assertThat(v.asText())
              .as("%s%nSecret value is an HMAC or, on the desired side, a SOPS marker", report)
              .satisfiesAnyOf(
                  value -> assertThat(value).startsWith("hmac-sha256:"),
                  value -> {
                    assertThat(side).isEqualTo("desired");
                    assertThat(value).startsWith(SopsMarkers.PREFIX);
                  });
        }
      }
    }
  }

  private static String decoded(String base64) {
    try {
      return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return base64;
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static ObjectNode toJson(DiffResult result) {
    ObjectNode out = FixtureCase.JSON.createObjectNode();
    out.put("type", result.type().name());
    ArrayNode fields = out.putArray("fields");
    for (FieldDiff f : result.fields()) {
      ObjectNode o = fields.addObject();
      o.put("path", f.path());
      o.set("desired", f.desired() == null ? o.nullNode() : f.desired());
      o.set("live", f.live() == null ? o.nullNode() : f.live());
      FieldOwner owner = f.owner();
      if (owner != null) {
        ObjectNode ow = o.putObject("owner");
        ow.put("manager", owner.manager());
        ow.put("operation", owner.operation());
        ow.put("time", owner.time() == null ? null : owner.time().toString());
      }
    }
    return out;
  }
}
