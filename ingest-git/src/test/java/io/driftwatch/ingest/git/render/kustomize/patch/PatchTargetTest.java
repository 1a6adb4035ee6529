package io.driftwatch.ingest.git.render.kustomize.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PatchTargetTest {

  private static final String FIXTURE = "target-selection";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** target-selection/cases.yaml: each target and what kubectl kustomize patched with it. */
  static Stream<Arguments> kubectlSelections() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode entry : PatchFixtures.document(FIXTURE, "cases.yaml")) {
      List<String> selected = new ArrayList<>();
      entry.get("selected").forEach(id -> selected.add(id.asText()));
      cases.add(Arguments.of(entry.get("target"), selected));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kubectlSelections")
  void selectsTheObjectsKubectlKustomizeSelects(JsonNode target, List<String> selected)
      throws PatchException {
    PatchTarget parsed = PatchTarget.parse(target);

    List<String> matched = new ArrayList<>();
    for (JsonNode object : PatchFixtures.documents(FIXTURE, "res.yaml")) {
      if (parsed.matches((ObjectNode) object)) {
        matched.add(object.get("kind").asText() + "/" + object.at("/metadata/name").asText());
      }
    }

    assertThat(matched).containsExactlyInAnyOrderElementsOf(selected);
  }

  @Test
  void originalNameAndNamespaceMatchAfterPrefixAndNamespaceWereApplied() throws Exception {
    // kubectl kustomize: a base with namePrefix dev- and namespace team; the overlay's target
    // {name: "^web$", namespace: default} still patches dev-web in team (as does namespace team).
    ObjectNode renamed =
        (ObjectNode)
            JSON.readTree(
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                    + "\"metadata\":{\"name\":\"dev-web\",\"namespace\":\"team\"}}");
    PatchTarget byOriginal = target("{\"name\":\"^web$\",\"namespace\":\"default\"}");
    PatchTarget byCurrent = target("{\"name\":\"dev-web\",\"namespace\":\"team\"}");

    assertThat(byOriginal.matches(renamed)).isFalse();
    assertThat(byOriginal.matches(renamed, "web", "")).isTrue();
    assertThat(byCurrent.matches(renamed, "web", "")).isTrue();
    assertThat(target("{\"name\":\"other\"}").matches(renamed, "web", "")).isFalse();
  }

  @Test
  void emptyTargetSelectsEverything() throws Exception {
    for (JsonNode object : PatchFixtures.documents(FIXTURE, "res.yaml")) {
      assertThat(target("{}").matches((ObjectNode) object)).isTrue();
    }
  }

  @Test
  void unknownFieldIsRejectedAsKustomizeDoes() {
    // kubectl kustomize: invalid Kustomization: json: unknown field "kinds"
    assertThatThrownBy(() -> target("{\"kinds\":\"Deployment\"}"))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("unknown field \"kinds\"");
  }

  @Test
  void invalidRegexIsRejectedNamingTheField() {
    // kubectl kustomize: error parsing regexp: missing closing ]
    assertThatThrownBy(() -> target("{\"name\":\"[unclosed\"}"))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("name is not a valid regular expression");
  }

  @Test
  void invalidLabelSelectorIsRejectedNamingTheField() {
    // kubectl kustomize: unable to parse requirement: found 'key', expected: '=', ...
    assertThatThrownBy(() -> target("{\"labelSelector\":\"bad key!\"}"))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("labelSelector is invalid");
  }

  @Test
  void targetMustBeAMapping() {
    assertThatThrownBy(() -> PatchTarget.parse(JSON.readTree("[\"Deployment\"]")))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("must be a mapping");
  }

  private static PatchTarget target(String json) throws Exception {
    return PatchTarget.parse(JSON.readTree(json));
  }
}
